package io.logpipe.ingest.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.ResponseException;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import org.apache.hc.core5.http.Header;
import de.siegmar.logbackgelf.CompressionMethod;
import io.opentelemetry.exporter.internal.FailedExportException;
import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import org.apache.hc.core5.http.message.BasicHeader;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.logpipe.common.codec.EventCodec;
import io.logpipe.ingest.IngestClient;
import io.logpipe.ingest.protocol.gelf.LogbackGelfClient;
import io.logpipe.ingest.protocol.loki.Loki4jClient;
import io.logpipe.ingest.protocol.otlp.OtelSdkClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Kafka goes away: ingest answers 503 with {@code Retry-After} and claims nothing, in
 * every protocol's own shape (the Elasticsearch Java client sees a 503, HEC a "Server is
 * busy", the OpenTelemetry exporter, loki4j and logback-gelf a 503 they retry). This test
 * runs its OWN broker, which it stops; the JVM's shared broker is never touched.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "logpipe.auth.keys[0].sha256=2924a27d7fc715372a952b03583ae5f1221556bcdabbf2a57ff5de577efe11c1",
				"logpipe.auth.keys[0].tenant=it-tenant", "ingest.kafka.ack-timeout=2s", "ingest.kafka.retry-after=7s",
				"ingest.kafka.topics.app=broker-down-it-app", "ingest.kafka.topics.system=broker-down-it-system",
				"spring.kafka.producer.properties.max.block.ms=2000" })
class BrokerDownIT {

	private static EmbeddedKafkaKraftBroker broker;

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void ownBroker(DynamicPropertyRegistry registry) {
		broker = new EmbeddedKafkaKraftBroker(1, 1);
		broker.brokerProperties(Map.of("offsets.topic.replication.factor", "1",
				"transaction.state.log.replication.factor", "1", "transaction.state.log.min.isr", "1",
				"min.insync.replicas", "1", "listeners", "EXTERNAL://127.0.0.1:0,CONTROLLER://127.0.0.1:0"));
		// Keep the broker list out of the system properties the shared broker may use.
		broker.brokerListProperty("logpipe.broker-down-it.bootstrap-servers");
		broker.afterPropertiesSet();
		String brokers = broker.getBrokersAsString();
		registry.add("spring.kafka.bootstrap-servers",
				() -> "127.0.0.1:" + brokers.substring(brokers.lastIndexOf(':') + 1));
	}

	@AfterAll
	static void stopBroker() {
		if (broker != null) {
			broker.destroy();
		}
	}

	@Test
	void answers503WithRetryAfterAndNoIdsOnEveryProtocolOnceTheBrokerIsGone() {
		IngestClient client = new IngestClient(this.port);
		byte[] body = "{\"message\":\"m\",\"service\":\"checkout\"}".getBytes(StandardCharsets.UTF_8);
		// The first request also waits for the topic's metadata, within the same 2 s: on
		// a
		// loaded machine that can take longer, and the answer is then a fair 503.
		await("a 202 while the broker is up").atMost(Duration.ofSeconds(60))
			.until(() -> client.post("application/json", body, "Authorization", "Bearer app-key").statusCode() == 202);

		broker.destroy();
		HttpResponse<String> after = client.post("application/json", body, "Authorization", "Bearer app-key");

		assertThat(after.statusCode()).isEqualTo(503);
		assertThat(after.headers().firstValue("Retry-After")).hasValue("7");
		assertThat(after.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode problem = new EventCodec().mapper().readTree(after.body());
		assertThat(problem.get("type").asString()).isEqualTo("urn:logpipe:problem:kafka-unavailable");
		assertThat(problem.get("detail").asString()).contains("acknowledged 0 of the request's events");
		assertThat(problem.has("ids")).isFalse();
		assertThat(problem.has("accepted")).isFalse();
		// A topic whose metadata the producer never had: each send blocks up to
		// max.block.ms (2 s) for it. The whole request must still answer about when its
		// acknowledgement timeout (2 s) is up, not 2 s per event.
		StringBuilder events = new StringBuilder("[");
		for (int i = 0; i < 20; i++) {
			events.append((i > 0) ? "," : "").append("{\"message\":\"m\",\"category\":\"system\"}");
		}
		long sent = System.nanoTime();
		HttpResponse<String> unknownTopic = client.post("application/json",
				events.append(']').toString().getBytes(StandardCharsets.UTF_8), "Authorization", "Bearer app-key");
		Duration answeredAfter = Duration.ofNanos(System.nanoTime() - sent);

		assertThat(unknownTopic.statusCode()).isEqualTo(503);
		// ack-timeout, plus at most one send that began just before it, plus a loaded
		// machine
		assertThat(answeredAfter).isLessThan(Duration.ofSeconds(8));

		assertElasticsearchClientSees503();
		assertSplunkHecAnswersServerBusy();
		assertShipperClientsSee503();
	}

	/**
	 * The OpenTelemetry SDK's exporter, loki4j and logback-gelf each report the 503 they
	 * retry; the plain answers carry Retry-After.
	 */
	private void assertShipperClientsSee503() {
		CompletableResultCode otlp = OtelSdkClient.export(this.port,
				OtlpHttpLogRecordExporter.builder().setRetryPolicy(null), "app-key",
				OtelSdkClient.records("down", "x"));
		assertThat(otlp.isSuccess()).isFalse();
		assertThat(otlp.getFailureThrowable()).isInstanceOfSatisfying(FailedExportException.HttpExportException.class,
				(ex) -> assertThat(ex.getResponse().getStatusCode()).isEqualTo(503));
		assertThat(Loki4jClient.push(this.port, "down", "app-key", true, (logger) -> logger.info("x")))
			.anySatisfy((problem) -> assertThat(problem).contains("non-success status 503"));
		assertThat(LogbackGelfClient.send(this.port, "down", "app-key", CompressionMethod.GZIP,
				(logger) -> logger.info("x")))
			.anySatisfy((problem) -> assertThat(problem).contains("Code: 503"));
		for (String[] request : new String[][] { { "/loki/api/v1/push",
				"{\"streams\":[{\"stream\":{\"job\":\"down\"},\"values\":[[\"1700000000000000000\",\"x\"]]}]}" },
				{ "/gelf", "{\"host\":\"a\",\"short_message\":\"x\"}" } }) {
			HttpResponse<String> response = post(request[0], request[1]);
			assertThat(response.statusCode()).as(request[0]).isEqualTo(503);
			assertThat(response.headers().firstValue("Retry-After")).as(request[0]).hasValue("7");
		}
	}

	private HttpResponse<String> post(String path, String json) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Authorization", "Bearer app-key")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.timeout(Duration.ofSeconds(60))
			.build();
		try {
			return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The official client's view: the whole bulk failed with 503. */
	private void assertElasticsearchClientSees503() {
		try (Rest5Client rest = Rest5Client.builder(URI.create("http://127.0.0.1:" + this.port))
			.setDefaultHeaders(new Header[] { new BasicHeader("Authorization", "ApiKey app-key") })
			.build()) {
			ElasticsearchClient elasticsearch = new ElasticsearchClient(
					new Rest5ClientTransport(rest, new Jackson3JsonpMapper()));
			// The client treats 503 as a node failure to retry elsewhere; with one node
			// it
			// reports the transport's ResponseException, never a partial success.
			assertThatExceptionOfType(ResponseException.class)
				.isThrownBy(() -> elasticsearch.bulk((bulk) -> bulk.operations((op) -> op
					.create((create) -> create.index("logs-checkout-prod").document(Map.of("message", "m"))))))
				.satisfies((ex) -> {
					assertThat(ex.getResponse().getStatusCode()).isEqualTo(503);
					assertThat(ex.getResponse().getHeader("Retry-After")).isEqualTo("7");
					assertThat(ex.getMessage()).contains("unavailable_shards_exception");
				});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void assertSplunkHecAnswersServerBusy() {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/services/collector"))
			.header("Authorization", "Splunk app-key")
			.POST(HttpRequest.BodyPublishers.ofString("{\"event\":\"m\"}"))
			.timeout(Duration.ofSeconds(60))
			.build();
		try {
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(request, HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(503);
			assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
			assertThat(new EventCodec().mapper().readTree(response.body()).get("code").asInt()).isEqualTo(9);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
