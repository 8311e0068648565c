package io.logpipe.indexer.index;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import io.logpipe.indexer.ElasticsearchQueries;
import io.logpipe.indexer.IndexerIntegrationTest;
import io.logpipe.indexer.TestDocuments;
import io.logpipe.testsupport.DedicatedElasticsearchNode;
import io.logpipe.testsupport.LoopFileSystem;
import io.logpipe.testsupport.RealKafka;
import io.logpipe.testsupport.TestServers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Elasticsearch's disk fills for real while documents flow (issue 12, scenario 8). The
 * node's data lives on a small ext4 file system of the test's own, mounted on a loop
 * device; a ballast file fills it past the flood-stage watermark (95 % by default), so
 * Elasticsearch puts its {@code read-only-allow-delete} block on the data stream's index.
 * The indexer must hold: readiness DOWN with Elasticsearch's reason, nothing sent to
 * index-dlq as if the documents were bad, no offset past what is stored. Once the ballast
 * is gone, Elasticsearch lifts the block by itself and every document is indexed exactly
 * once.
 *
 * <p>
 * Mounting needs root with {@code CAP_SYS_ADMIN}; where the machine refuses (a CI
 * container), the test is skipped with the reason, never failed.
 */
// Not @IndexerIntegrationTest: that would point the context at the shared node.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "indexer-it.name=disk-full-it", "indexer.retry.batch-max-back-off=2s",
				"indexer.retry.max-back-off=1s",
				// The reason is what the test reads; anonymous callers get no details by
				// default.
				"management.endpoint.health.show-details=always" })
@TestPropertySource(properties = { IndexerIntegrationTest.PARSED_TOPIC, IndexerIntegrationTest.METRICS_TOPIC,
		IndexerIntegrationTest.DEAD_LETTER_TOPIC, IndexerIntegrationTest.GROUP })
@RealKafka
@DirtiesContext
class ElasticsearchDiskFullIT {

	private static final String TOPIC = "disk-full-it-parsed";

	private static final String DEAD_LETTER_TOPIC = "disk-full-it-dlq";

	private static final String TENANT = "diskfullit";

	private static final String STREAM = "logs-shop-" + TENANT;

	/** Room for the node's data with the watermarks at their default percentages. */
	private static final long DISK_BYTES = 256L * 1024 * 1024;

	private static final HttpClient http = HttpClient.newHttpClient();

	private static final JsonMapper json = JsonMapper.builder().build();

	private static LoopFileSystem disk;

	private static DedicatedElasticsearchNode node;

	@LocalServerPort
	private int port;

	@BeforeAll
	static void startNodeOnASmallDisk() throws Exception {
		try {
			disk = LoopFileSystem.mount(DISK_BYTES);
		}
		catch (LoopFileSystem.Unavailable ex) {
			Assumptions.abort("A full disk needs a loop-mounted file system: " + ex.getMessage());
		}
		// A folder of its own: the file system's lost+found is not the node's.
		Path data = Files.createDirectory(disk.root().resolve("data"));
		node = DedicatedElasticsearchNode.start(data,
				Map.of("cluster.routing.allocation.disk.threshold_enabled", "true",
						// How often the node looks at its disk: the shortest it allows
						// (30 s by default).
						"cluster.info.update.interval", "10s"));
	}

	@DynamicPropertySource
	static void elasticsearch(DynamicPropertyRegistry registry) {
		registry.add("spring.elasticsearch.uris", () -> node.uri().toString());
	}

	@AfterAll
	static void stopNodeAndUnmount() {
		try {
			if (node != null) {
				node.close();
			}
		}
		finally {
			if (disk != null) {
				disk.close();
			}
		}
	}

	@Test
	void holdsWhileTheDiskIsFullAndIndexesEveryDocumentExactlyOnceWhenSpaceIsFreed() throws Exception {
		ElasticsearchQueries elasticsearch = new ElasticsearchQueries(node.uri());
		try (TestDocuments kafka = new TestDocuments()) {
			kafka.send(TOPIC, TestDocuments.documents(200, "shop", TENANT));
			await().atMost(Duration.ofSeconds(90)).until(() -> elasticsearch.count(STREAM) == 200);
			assertThat(readiness().path("status").asString()).isEqualTo("UP");

			// Past the flood stage (95 %), short of 100 %: the node must see the
			// watermark, not crash its shards on ENOSPC.
			disk.fill(DISK_BYTES / 50);
			assertThat(disk.usedPercent()).isGreaterThan(95.0);
			await("the flood-stage block").atMost(Duration.ofSeconds(90))
				.pollInterval(Duration.ofSeconds(1))
				.until(() -> floodStageBlocked(elasticsearch));

			kafka.send(TOPIC, TestDocuments.documents(200, "shop", TENANT));
			await("readiness DOWN").atMost(Duration.ofSeconds(90))
				.pollInterval(Duration.ofMillis(500))
				.until(() -> readiness().path("status").asString().equals("DOWN"));
			JsonNode indexing = readiness().at("/components/indexing");
			assertThat(indexing.path("status").asString()).isEqualTo("DOWN");
			assertThat(indexing.at("/details/reason").asString()).contains("cluster_block_exception")
				.contains("flood-stage watermark");
			assertThat(elasticsearch.count(STREAM)).isEqualTo(200);
			assertThat(deadLetters()).isZero();

			disk.empty();
			await("Elasticsearch lifts the block").atMost(Duration.ofSeconds(120))
				.pollInterval(Duration.ofSeconds(1))
				.until(() -> !floodStageBlocked(elasticsearch));
			await().atMost(Duration.ofSeconds(120)).until(() -> elasticsearch.count(STREAM) == 400);
			assertThat(elasticsearch.duplicates(STREAM)).isEmpty();
			await().atMost(Duration.ofSeconds(60)).until(() -> readiness().path("status").asString().equals("UP"));
			assertThat(deadLetters()).isZero();
		}
	}

	/** Whether the data stream's index carries the block the flood stage sets. */
	private static boolean floodStageBlocked(ElasticsearchQueries elasticsearch) {
		JsonNode settings = elasticsearch.call("GET", "/" + STREAM + "/_settings/index.blocks.*?flat_settings=true",
				null);
		for (JsonNode index : settings) {
			if (index.at("/settings/index.blocks.read_only_allow_delete").asString("false").equals("true")) {
				return true;
			}
		}
		return false;
	}

	/** Records in the dead-letter topic, summed over its partitions. */
	private static long deadLetters() throws Exception {
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafka().bootstrapServers()))) {
			int partitions = admin.describeTopics(List.of(DEAD_LETTER_TOPIC))
				.allTopicNames()
				.get(30, TimeUnit.SECONDS)
				.get(DEAD_LETTER_TOPIC)
				.partitions()
				.size();
			Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
			for (int partition = 0; partition < partitions; partition++) {
				latest.put(new TopicPartition(DEAD_LETTER_TOPIC, partition), OffsetSpec.latest());
			}
			return admin.listOffsets(latest)
				.all()
				.get(30, TimeUnit.SECONDS)
				.values()
				.stream()
				.mapToLong((offset) -> offset.offset())
				.sum();
		}
	}

	/** The readiness group as a probe reads it. */
	private JsonNode readiness() throws Exception {
		HttpResponse<String> response = http
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/health/readiness"))
				.timeout(Duration.ofSeconds(5))
				.build(), HttpResponse.BodyHandlers.ofString());
		return json.readTree(response.body());
	}

}
