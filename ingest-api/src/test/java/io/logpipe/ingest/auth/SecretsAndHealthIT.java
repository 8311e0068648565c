package io.logpipe.ingest.auth;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.logpipe.ingest.IngestClient;
import io.logpipe.testsupport.RealKafka;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an anonymous caller and the logs see of a running ingest-api: keys presented right
 * or wrong appear in no answer, log line or metric; health shows its status only, while
 * the probes and the Prometheus scrape answer at the README's paths.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "logpipe.auth.keys[0].sha256=2924a27d7fc715372a952b03583ae5f1221556bcdabbf2a57ff5de577efe11c1",
				"logpipe.auth.keys[0].tenant=it-tenant", "logpipe.auth.keys[0].categories=app",
				"ingest.kafka.topics.app=secrets-it-app", "logging.level.org.springframework.web=DEBUG",
				"logging.level.org.apache.coyote=DEBUG" })
@RealKafka
@ExtendWith(OutputCaptureExtension.class)
class SecretsAndHealthIT {

	private static final String WRONG_KEY = "wrong-key-4f1c2a9e";

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@LocalServerPort
	private int port;

	@Test
	void noKeyAndAWrongKeyGetTheSame401AndNoKeyAppearsInAnswersLogsOrMetrics(CapturedOutput output) {
		IngestClient client = new IngestClient(this.port);
		byte[] event = "{\"message\":\"m\"}".getBytes(StandardCharsets.UTF_8);

		HttpResponse<String> missing = client.post("application/json", event);
		HttpResponse<String> wrong = client.post("application/json", event, "Authorization", "Bearer " + WRONG_KEY);
		HttpResponse<String> forbidden = client.post("application/json", event, "Authorization", "Bearer app-key",
				"X-Logpipe-Category", "security");
		HttpResponse<String> malformed = client.post("application/json",
				"{\"message\":".getBytes(StandardCharsets.UTF_8), "Authorization", "Bearer app-key");

		assertThat(missing.statusCode()).isEqualTo(401);
		assertThat(wrong.statusCode()).isEqualTo(401);
		assertThat(wrong.body()).isEqualTo(missing.body());
		assertThat(forbidden.statusCode()).isEqualTo(403);
		assertThat(malformed.statusCode()).isEqualTo(400);
		List<String> seen = new ArrayList<>(List.of(output.getAll(), get("/actuator/prometheus").body()));
		for (HttpResponse<String> answer : List.of(missing, wrong, forbidden, malformed)) {
			seen.add(answer.body());
			seen.add(answer.headers().map().toString());
		}
		assertThat(seen).allSatisfy((text) -> assertThat(text).doesNotContain(WRONG_KEY).doesNotContain("app-key"));
	}

	@Test
	void healthShowsAnonymousCallersItsStatusOnlyWhileProbesAndPrometheusAnswer() {
		HttpResponse<String> health = get("/actuator/health");
		HttpResponse<String> readiness = get("/actuator/health/readiness");
		HttpResponse<String> liveness = get("/actuator/health/liveness");
		HttpResponse<String> prometheus = get("/actuator/prometheus");

		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"UP\"")
			.doesNotContain("components")
			.doesNotContain("details")
			.doesNotContain("clusterId");
		assertThat(readiness.statusCode()).isEqualTo(200);
		assertThat(readiness.body()).isEqualTo("{\"status\":\"UP\"}");
		assertThat(liveness.statusCode()).isEqualTo(200);
		assertThat(liveness.body()).isEqualTo("{\"status\":\"UP\"}");
		assertThat(prometheus.statusCode()).isEqualTo(200);
		assertThat(prometheus.body()).contains("application=\"ingest-api\"");
	}

	private HttpResponse<String> get(String path) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(30))
			.build();
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
