package io.logpipe.indexer.index;

import java.time.Clock;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

class IndexingHealthTests {

	private static final String FLOOD_STAGE = "200 documents still rejected as retryable after 8 bulk attempts, "
			+ "last: 429 cluster_block_exception: index [.ds-logs-shop-a] blocked by: [TOO_MANY_REQUESTS/12/disk "
			+ "usage exceeded flood-stage watermark, index has read-only-allow-delete block]";

	private static final String NO_MASTER = "Elasticsearch answered 503 to the bulk request: cluster_block_exception: "
			+ "blocked by: [SERVICE_UNAVAILABLE/2/no master];";

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final IndexingHealth health = new IndexingHealth(new IndexingMetrics(this.registry, Clock.systemUTC()));

	@Test
	void isUpUntilABatchFails() {
		assertThat(this.health.health().getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void reportsTheLatestReasonAndThePausedPartitionsWhileBatchesFail() {
		this.health.failing(FLOOD_STAGE, 3);
		this.health.failing(NO_MASTER, 2);

		Health health = this.health.health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("reason", NO_MASTER).containsEntry("pausedPartitions", 2);
		assertThat(pausedPartitions()).isEqualTo(2);
	}

	@Test
	void aFailureIsNewsOnlyWhenTheBatchBeforeWasStored() {
		assertThat(this.health.failing(FLOOD_STAGE, 3)).isTrue();
		assertThat(this.health.failing(FLOOD_STAGE, 3)).isFalse();
		assertThat(this.health.failing(NO_MASTER, 3)).isFalse();

		this.health.writing();

		assertThat(this.health.failing(FLOOD_STAGE, 1)).isTrue();
	}

	@Test
	void aStoredBatchEndsTheFailureAndTellsWhatItWas() {
		this.health.failing(FLOOD_STAGE, 3);

		assertThat(this.health.writing()).isEqualTo(FLOOD_STAGE);
		assertThat(this.health.health().getStatus()).isEqualTo(Status.UP);
		assertThat(pausedPartitions()).isZero();
		assertThat(this.health.writing()).isNull();
	}

	private double pausedPartitions() {
		return this.registry.get("logpipe.indexer.partitions.paused").gauge().value();
	}

}
