package io.logpipe.indexer.index;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Notices a bulk request that does not come back. An Elasticsearch that is frozen (a stop
 * signal, a long GC pause, a hung disk) still accepts TCP connections, so a bulk sent to
 * it neither fails nor answers until the client's socket timeout, and until then nothing
 * else would say that indexing has stopped. This indicator (part of readiness) reports
 * DOWN, with the age of the oldest bulk, as soon as a bulk has been in flight longer than
 * {@code indexer.bulk-watchdog.stalled-after}, and UP again once it returned or failed.
 *
 * <p>
 * Thread-safe: each consumer thread registers its own bulk; the health endpoint reads
 * them from another thread.
 */
@Component("bulkInFlight")
public class BulkWatchdog extends AbstractHealthIndicator {

	private final Duration stalledAfter;

	private final LongSupplier nanoTime;

	private final AtomicLong tokens = new AtomicLong();

	private final Map<Long, Long> startedAt = new ConcurrentHashMap<>();

	@Autowired
	public BulkWatchdog(BulkWatchdogProperties properties) {
		this(properties.stalledAfter(), System::nanoTime);
	}

	BulkWatchdog(Duration stalledAfter, LongSupplier nanoTime) {
		this.stalledAfter = stalledAfter;
		this.nanoTime = nanoTime;
	}

	/**
	 * @return the token to hand to {@link #finished} when the bulk returns or fails
	 */
	public long started() {
		long token = this.tokens.incrementAndGet();
		this.startedAt.put(token, this.nanoTime.getAsLong());
		return token;
	}

	public void finished(long token) {
		this.startedAt.remove(token);
	}

	/** How long the oldest bulk in flight has waited; zero when none is in flight. */
	Duration oldest() {
		long now = this.nanoTime.getAsLong();
		return this.startedAt.values()
			.stream()
			.map((started) -> Duration.ofNanos(now - started))
			.max(Duration::compareTo)
			.orElse(Duration.ZERO);
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Duration oldest = oldest();
		if (oldest.compareTo(this.stalledAfter) > 0) {
			String reason = "a bulk request has waited %d s for Elasticsearch (over %s = %d ms)"
				.formatted(oldest.toSeconds(), "indexer.bulk-watchdog.stalled-after", this.stalledAfter.toMillis());
			builder.down().withDetail("reason", reason).withDetail("inFlight", this.startedAt.size());
		}
		else {
			builder.up().withDetail("inFlight", this.startedAt.size());
		}
	}

}
