package io.logpipe.indexer.index;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import io.logpipe.indexer.ElasticsearchQueries;
import io.logpipe.indexer.IndexerIntegrationTest;
import io.logpipe.indexer.TestDocuments;
import io.logpipe.testsupport.DedicatedElasticsearchNode;
import io.logpipe.testsupport.RealKafka;
import io.logpipe.testsupport.TestServers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Elasticsearch stops (SIGTERM, as in a rolling restart) while documents flow, and comes
 * back on the same address: every document ends up indexed exactly once. While it is
 * down, readiness is DOWN with the reason and no offset beyond the confirmed documents is
 * committed. Runs against a node of its own, never the shared one.
 */
// Not @IndexerIntegrationTest: that would point the context at the shared node.
@SpringBootTest(properties = { "indexer-it.name=outage-it", "indexer.retry.batch-max-back-off=2s",
		"spring.elasticsearch.socket-timeout=10s" })
@TestPropertySource(properties = { IndexerIntegrationTest.PARSED_TOPIC, IndexerIntegrationTest.METRICS_TOPIC,
		IndexerIntegrationTest.DEAD_LETTER_TOPIC, IndexerIntegrationTest.GROUP })
@RealKafka
@DirtiesContext
class ElasticsearchOutageIT {

	private static final String TOPIC = "outage-it-parsed";

	private static final String TENANT = "outageit";

	private static final String STREAM = "logs-shop-" + TENANT;

	private static DedicatedElasticsearchNode node;

	@Autowired
	private IndexingHealth health;

	@DynamicPropertySource
	static void elasticsearch(DynamicPropertyRegistry registry) {
		node = DedicatedElasticsearchNode.start();
		registry.add("spring.elasticsearch.uris", () -> node.uri().toString());
	}

	@AfterAll
	static void stopNode() {
		if (node != null) {
			node.close();
		}
	}

	@Test
	void indexesEveryDocumentExactlyOnceAcrossAnElasticsearchStopAndRestart() throws Exception {
		ElasticsearchQueries elasticsearch = new ElasticsearchQueries(node.uri());
		try (TestDocuments kafka = new TestDocuments()) {
			kafka.send(TOPIC, TestDocuments.documents(300, "shop", TENANT));
			await().atMost(Duration.ofSeconds(90)).until(() -> elasticsearch.count(STREAM) > 0);

			node.stop();
			kafka.send(TOPIC, TestDocuments.documents(300, "shop", TENANT));
			await().atMost(Duration.ofSeconds(90))
				.untilAsserted(() -> assertThat(this.health.health().getStatus()).isEqualTo(Status.DOWN));
			assertThat(committed()).isLessThan(600);

			node.restart();
			await().atMost(Duration.ofSeconds(120)).until(() -> elasticsearch.count(STREAM) == 600);
			assertThat(elasticsearch.duplicates(STREAM)).isEmpty();
			await().atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(this.health.health().getStatus()).isEqualTo(Status.UP));
			await().atMost(Duration.ofSeconds(60)).until(() -> committed() == 600);
		}
	}

	/** Offsets the group committed, summed over the partitions. */
	private static long committed() throws Exception {
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafka().bootstrapServers()))) {
			Map<?, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets("outage-it")
				.partitionsToOffsetAndMetadata()
				.get(30, TimeUnit.SECONDS);
			return offsets.values()
				.stream()
				.filter((offset) -> offset != null)
				.mapToLong(OffsetAndMetadata::offset)
				.sum();
		}
	}

}
