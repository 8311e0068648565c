package io.logpipe.indexer.index;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;

import io.logpipe.indexer.IndexerIntegrationTest;
import io.logpipe.indexer.ElasticsearchQueries;
import io.logpipe.indexer.TestDocuments;
import io.logpipe.testsupport.TestServers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Elasticsearch answers a bulk with 200 while some of its items fail with 429: here one
 * data stream's backing index is blocked ({@code read_only_allow_delete}, which answers
 * writes with a 429 {@code cluster_block_exception}, as a disk flood-stage watermark
 * does) while another stream in the same batches indexes. Only the rejected items are
 * retried; when the block is lifted they land, each exactly once.
 */
@IndexerIntegrationTest(properties = { "indexer-it.name=retry-it", "indexer.retry.max-attempts=3",
		"indexer.retry.max-back-off=200ms", "indexer.retry.batch-max-back-off=1s" })
class PerItemRetryIT {

	private static final String TOPIC = "retry-it-parsed";

	private static final String TENANT = "retryit";

	private static final String BLOCKED = "logs-blocked-" + TENANT;

	private static final String OPEN = "logs-open-" + TENANT;

	private final ElasticsearchQueries elasticsearch = new ElasticsearchQueries(TestServers.elasticsearch().uri());

	@Autowired
	private IndexingHealth health;

	@Autowired
	private MeterRegistry meters;

	@Test
	void retriesOnlyTheItemsAnsweredWith429AndStoresEachOnceWhenTheBlockIsLifted() {
		try (TestDocuments kafka = new TestDocuments()) {
			kafka.send(TOPIC,
					List.of(TestDocuments.document("blocked", TENANT), TestDocuments.document("open", TENANT)));
			await().atMost(Duration.ofSeconds(90))
				.until(() -> this.elasticsearch.count(BLOCKED) == 1 && this.elasticsearch.count(OPEN) == 1);

			this.elasticsearch.putSettings(BLOCKED, """
					{"index.blocks.read_only_allow_delete": true}""");
			try {
				List<ObjectNode> mixed = new ArrayList<>();
				for (int i = 0; i < 20; i++) {
					mixed.add(TestDocuments.document("blocked", TENANT));
					mixed.add(TestDocuments.document("open", TENANT));
				}
				kafka.send(TOPIC, mixed);

				await().atMost(Duration.ofSeconds(90)).until(() -> this.elasticsearch.count(OPEN) == 21);
				await().atMost(Duration.ofSeconds(90))
					.untilAsserted(() -> assertThat(this.health.health().getStatus()).isEqualTo(Status.DOWN));
				assertThat(this.health.health().getDetails().get("reason").toString())
					.contains("cluster_block_exception");
				assertThat(this.meters.get("logpipe.indexer.partitions.paused").gauge().value()).isPositive();
				assertThat(this.meters.get("logpipe.indexer.documents")
					.tag("outcome", "retried")
					.tag("reason", "cluster_block_exception")
					.counter()
					.count()).isPositive();
				assertThat(this.elasticsearch.count(BLOCKED)).isEqualTo(1);
			}
			finally {
				this.elasticsearch.putSettings(BLOCKED, """
						{"index.blocks.read_only_allow_delete": null}""");
			}

			await().atMost(Duration.ofSeconds(90)).until(() -> this.elasticsearch.count(BLOCKED) == 21);
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(this.health.health().getStatus()).isEqualTo(Status.UP));
			assertThat(this.elasticsearch.duplicates(BLOCKED)).isEmpty();
			assertThat(this.elasticsearch.duplicates(OPEN)).isEmpty();
			assertThat(this.elasticsearch.count(OPEN)).isEqualTo(21);
		}
	}

}
