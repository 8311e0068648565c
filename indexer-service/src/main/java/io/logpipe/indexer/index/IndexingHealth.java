package io.logpipe.indexer.index;

import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Whether documents can be written: DOWN, with the reason, from the moment a batch cannot
 * be stored (Elasticsearch unreachable, or rejecting writes with a cluster block or disk
 * watermark) until a batch is stored again. Part of readiness. Boot's own
 * {@code elasticsearch} indicator sees only that the cluster answers; a read-only block
 * leaves it green while no document can be written.
 */
@Component("indexing")
class IndexingHealth extends AbstractHealthIndicator {

	private final AtomicReference<Failure> failure = new AtomicReference<>();

	private final IndexingMetrics metrics;

	IndexingHealth(IndexingMetrics metrics) {
		this.metrics = metrics;
	}

	/**
	 * A batch could not be stored.
	 * @return whether this is news: batches were stored until now, so the failure is
	 * worth a warning in the log; a redelivered batch that fails again is not
	 */
	boolean failing(String reason, int partitions) {
		Failure previous = this.failure.getAndSet(new Failure(reason, partitions));
		this.metrics.pausedPartitions(partitions);
		return previous == null;
	}

	/**
	 * A batch was stored.
	 * @return the reason batches had failed until now, or null if they had not
	 */
	String writing() {
		Failure previous = this.failure.getAndSet(null);
		if (previous == null) {
			return null;
		}
		this.metrics.pausedPartitions(0);
		return previous.reason();
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Failure current = this.failure.get();
		if (current == null) {
			builder.up();
		}
		else {
			builder.down().withDetail("reason", current.reason()).withDetail("pausedPartitions", current.partitions());
		}
	}

	private record Failure(String reason, int partitions) {
	}

}
