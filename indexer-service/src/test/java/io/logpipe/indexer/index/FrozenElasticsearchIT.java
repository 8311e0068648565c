package io.logpipe.indexer.index;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
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
import io.logpipe.testsupport.RealKafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Elasticsearch freezes (SIGSTOP) while documents flow: it accepts the bulk and never
 * answers. The readiness probe must say so, with the reason, once the bulk is older than
 * {@code indexer.bulk-watchdog.stalled-after}, long before the client's socket timeout,
 * and must keep answering at once while the node is frozen. Once the node goes on, every
 * document is indexed exactly once. Runs against a node of its own.
 */
// Not @IndexerIntegrationTest: that would point the context at the shared node.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "indexer-it.name=frozen-it", "indexer.bulk-watchdog.stalled-after=3s",
				"spring.elasticsearch.socket-timeout=120s",
				// The reason is what the test reads; anonymous callers get no details by
				// default, as on the local runtime's loopback-only services it is shown.
				"management.endpoint.health.show-details=always" })
@TestPropertySource(properties = { IndexerIntegrationTest.PARSED_TOPIC, IndexerIntegrationTest.METRICS_TOPIC,
		IndexerIntegrationTest.DEAD_LETTER_TOPIC, IndexerIntegrationTest.GROUP })
@RealKafka
@DirtiesContext
class FrozenElasticsearchIT {

	private static final String TOPIC = "frozen-it-parsed";

	private static final String TENANT = "frozenit";

	private static final String STREAM = "logs-shop-" + TENANT;

	/** A probe's usual timeout: the answer must come within it, frozen node or not. */
	private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);

	private static final HttpClient http = HttpClient.newHttpClient();

	private static final JsonMapper json = JsonMapper.builder().build();

	private static DedicatedElasticsearchNode node;

	@LocalServerPort
	private int port;

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
	void readinessReportsTheStalledBulkWithinItsBoundAndNothingIsLostOrDoubled() throws Exception {
		ElasticsearchQueries elasticsearch = new ElasticsearchQueries(node.uri());
		try (TestDocuments kafka = new TestDocuments()) {
			kafka.send(TOPIC, TestDocuments.documents(200, "shop", TENANT));
			await().atMost(Duration.ofSeconds(90)).until(() -> elasticsearch.count(STREAM) == 200);
			assertThat(readiness().path("status").asString()).isEqualTo("UP");

			node.freeze();
			try {
				kafka.send(TOPIC, TestDocuments.documents(200, "shop", TENANT));
				long frozenAt = System.nanoTime();
				await().atMost(Duration.ofSeconds(60))
					.pollInterval(Duration.ofMillis(500))
					.until(() -> readiness().path("status").asString().equals("DOWN"));
				Duration reported = Duration.ofNanos(System.nanoTime() - frozenAt);
				JsonNode readiness = readiness();
				assertThat(readiness.at("/components/bulkInFlight/status").asString()).isEqualTo("DOWN");
				assertThat(readiness.at("/components/bulkInFlight/details/reason").asString())
					.contains("indexer.bulk-watchdog.stalled-after");
				// Well before the 120 s socket timeout: the watchdog, not the client,
				// told.
				assertThat(reported).isLessThan(Duration.ofSeconds(60));
			}
			finally {
				node.thaw();
			}

			await().atMost(Duration.ofSeconds(120)).until(() -> elasticsearch.count(STREAM) == 400);
			assertThat(elasticsearch.duplicates(STREAM)).isEmpty();
			await().atMost(Duration.ofSeconds(60)).until(() -> readiness().path("status").asString().equals("UP"));
		}
	}

	/** The readiness group as a probe reads it; fails when it does not answer in time. */
	private JsonNode readiness() throws Exception {
		HttpResponse<String> response = http
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/health/readiness"))
				.timeout(PROBE_TIMEOUT)
				.build(), HttpResponse.BodyHandlers.ofString());
		return json.readTree(response.body());
	}

}
