package io.logpipe.indexer.index;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.logpipe.indexer.IndexerIntegrationTest;
import io.logpipe.indexer.ElasticsearchQueries;
import io.logpipe.indexer.TestDocuments;
import io.logpipe.indexer.IndexerApplication;
import io.logpipe.testsupport.TestServers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two indexer replicas in one consumer group. The second joins while documents flow (a
 * rebalance), holds partitions whose batches it cannot store (writes blocked), and is
 * shut down before Elasticsearch confirmed them (a second rebalance): its uncommitted
 * batches are redelivered to the first replica, and once writes are allowed again every
 * document is stored exactly once.
 */
@IndexerIntegrationTest(properties = { "indexer-it.name=scale-it", "indexer.retry.max-attempts=2",
		"indexer.retry.max-back-off=200ms", "indexer.retry.batch-max-back-off=1s" })
class ScaleOutIT {

	/** The same settings as the test's own context (the first replica). */
	private static final String[] SECOND_REPLICA = { "indexer.parsed-topic=scale-it-parsed",
			"indexer.metrics-topic=scale-it-metrics", "indexer.dead-letter-topic=scale-it-dlq",
			"spring.kafka.consumer.group-id=scale-it", "indexer.retry.max-attempts=2",
			"indexer.retry.max-back-off=200ms", "indexer.retry.batch-max-back-off=1s", "server.port=0" };

	private static final String TOPIC = "scale-it-parsed";

	private static final String TENANT = "scaleit";

	private static final String STREAM = "logs-cart-" + TENANT;

	private final ElasticsearchQueries elasticsearch = new ElasticsearchQueries(TestServers.elasticsearch().uri());

	@BeforeAll
	static void createTopicWithFourPartitions() {
		TestDocuments.createTopic(TOPIC, 4);
	}

	@Test
	void storesEveryDocumentOnceAcrossRebalancesAndAReplicaLeavingWithUnconfirmedBatches() {
		try (TestDocuments kafka = new TestDocuments()) {
			kafka.sendSpread(TOPIC, TestDocuments.documents(100, "cart", TENANT));
			await().atMost(Duration.ofSeconds(90)).until(() -> this.elasticsearch.count(STREAM) == 100);

			this.elasticsearch.putSettings(STREAM, """
					{"index.blocks.read_only_allow_delete": true}""");
			try (ConfigurableApplicationContext second = startSecondReplica()) {
				kafka.sendSpread(TOPIC, TestDocuments.documents(200, "cart", TENANT));
				IndexingHealth secondHealth = second.getBean(IndexingHealth.class);
				await().atMost(Duration.ofSeconds(90))
					.until(() -> "DOWN".equals(secondHealth.health().getStatus().getCode()));
			}
			kafka.sendSpread(TOPIC, TestDocuments.documents(100, "cart", TENANT));
			this.elasticsearch.putSettings(STREAM, """
					{"index.blocks.read_only_allow_delete": null}""");

			await().atMost(Duration.ofSeconds(120)).until(() -> this.elasticsearch.count(STREAM) == 400);
			assertThat(this.elasticsearch.duplicates(STREAM)).isEmpty();
		}
		finally {
			this.elasticsearch.putSettings(STREAM, """
					{"index.blocks.read_only_allow_delete": null}""");
		}
	}

	private static ConfigurableApplicationContext startSecondReplica() {
		// Command-line arguments: they win over application.yml, as the test context's
		// properties do.
		List<String> arguments = new ArrayList<>(List.of(SECOND_REPLICA));
		arguments.add("spring.kafka.bootstrap-servers=" + TestServers.kafka().bootstrapServers());
		arguments.add("spring.elasticsearch.uris=" + TestServers.elasticsearch().uri());
		return new SpringApplicationBuilder(IndexerApplication.class)
			.run(arguments.stream().map("--"::concat).toArray(String[]::new));
	}

}
