package io.logpipe.indexer.admin;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.logpipe.indexer.IndexerIntegrationTest;
import io.logpipe.indexer.ElasticsearchQueries;
import io.logpipe.indexer.TestDocuments;
import io.logpipe.testsupport.TestServers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code POST /admin/replay} rewinds the consumer group to a timestamp; the documents
 * after it are read and sent to Elasticsearch again, and because their ids are stable
 * each answers 409 and none is stored twice. The endpoint answers 401 without the admin
 * token and 403 with a wrong one, as problem details.
 */
@IndexerIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "indexer-it.name=replay-it",
		// SHA-256 of "replay-secret"
		"indexer.admin.token-sha256=" + ReplayIT.TOKEN_SHA256 })
class ReplayIT {

	static final String TOKEN = "replay-secret";

	static final String TOKEN_SHA256 = "1db3e293bfe35dc81be136134f1187271bb3d77e0329345bb96b0d3638899402";

	private static final String TOPIC = "replay-it-parsed";

	private static final String TENANT = "replayit";

	private static final String STREAM = "logs-billing-" + TENANT;

	private static final JsonMapper json = JsonMapper.builder().build();

	private final ElasticsearchQueries elasticsearch = new ElasticsearchQueries(TestServers.elasticsearch().uri());

	@LocalServerPort
	private int port;

	@Autowired
	private MeterRegistry meters;

	@Test
	void replaysFromATimestampWithoutStoringAnyDocumentTwice() throws Exception {
		Instant between;
		try (TestDocuments kafka = new TestDocuments()) {
			kafka.send(TOPIC, TestDocuments.documents(10, "billing", TENANT));
			await().atMost(Duration.ofSeconds(90)).until(() -> this.elasticsearch.count(STREAM) == 10);
			between = Instant.now();
			kafka.send(TOPIC, TestDocuments.documents(5, "billing", TENANT));
			await().atMost(Duration.ofSeconds(90)).until(() -> this.elasticsearch.count(STREAM) == 15);
		}
		double alreadyThere = AdminCalls.alreadyExists(this.meters);

		HttpResponse<String> replay = replay("Bearer " + TOKEN, between(between));
		assertThat(replay.statusCode()).isEqualTo(200);
		JsonNode answer = json.readTree(replay.body());
		assertThat(answer.path("group").asString()).isEqualTo("replay-it");
		// One key, so one partition: it restarts at the 11th record, the others at their
		// end (0).
		long restartOffsets = answer.path("offsets")
			.properties()
			.stream()
			.mapToLong((p) -> p.getValue().asLong())
			.sum();
		assertThat(restartOffsets).isEqualTo(10);

		await().atMost(Duration.ofSeconds(90)).until(() -> AdminCalls.alreadyExists(this.meters) - alreadyThere >= 5);
		assertThat(this.elasticsearch.count(STREAM)).isEqualTo(15);
		assertThat(this.elasticsearch.duplicates(STREAM)).isEmpty();
	}

	@Test
	void answers401WithoutAToken() throws Exception {
		HttpResponse<String> response = replay(null, between(Instant.now()));
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
		assertThat(json.readTree(response.body()).path("type").asString())
			.isEqualTo("urn:logpipe:problem:unauthenticated");
	}

	@Test
	void answers403WithAWrongToken() throws Exception {
		HttpResponse<String> response = replay("Bearer not-the-token", "{not json");
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(json.readTree(response.body()).path("type").asString()).isEqualTo("urn:logpipe:problem:forbidden");
	}

	private static String between(Instant from) {
		return "{\"topic\": \"" + TOPIC + "\", \"from\": \"" + from + "\"}";
	}

	private HttpResponse<String> replay(String authorization, String body) throws Exception {
		return AdminCalls.post(this.port, "/admin/replay", authorization, body);
	}

}
