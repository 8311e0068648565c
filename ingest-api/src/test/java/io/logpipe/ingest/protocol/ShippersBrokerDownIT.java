package io.logpipe.ingest.protocol;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URI;
import java.time.Duration;

import io.opentelemetry.exporter.internal.FailedExportException;
import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import de.siegmar.logbackgelf.CompressionMethod;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.logpipe.ingest.kafka.OwnBroker;
import io.logpipe.ingest.protocol.gelf.LogbackGelfClient;
import io.logpipe.ingest.protocol.loki.Loki4jClient;
import io.logpipe.ingest.protocol.otlp.OtelSdkClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kafka goes away: each shipper protocol answers the status its clients retry, with
 * {@code Retry-After}, and the real client sees a failure it will retry. This test runs
 * its OWN broker, which it stops; the JVM's shared broker is never touched.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "ingest.auth.keys[0].sha256=2924a27d7fc715372a952b03583ae5f1221556bcdabbf2a57ff5de577efe11c1",
				"ingest.auth.keys[0].tenant=it-tenant", "ingest.kafka.ack-timeout=2s", "ingest.kafka.retry-after=7s",
				"ingest.kafka.topics.app=shippers-down-it-app", "spring.kafka.producer.properties.max.block.ms=2000" })
class ShippersBrokerDownIT {

	private static EmbeddedKafkaKraftBroker broker;

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void ownBroker(DynamicPropertyRegistry registry) {
		broker = OwnBroker.start("shippers-down-it");
		registry.add("spring.kafka.bootstrap-servers", () -> OwnBroker.bootstrapServers(broker));
	}

	@AfterAll
	static void stopBroker() {
		if (broker != null) {
			broker.destroy();
		}
	}

	@Test
	void answersEveryProtocolWith503AndRetryAfterOnceTheBrokerIsGone() throws Exception {
		assertThat(otlpExport().isSuccess()).as("before the broker goes").isTrue();

		broker.destroy();

		CompletableResultCode otlp = otlpExport();
		assertThat(otlp.isSuccess()).isFalse();
		assertThat(otlp.getFailureThrowable()).isInstanceOfSatisfying(FailedExportException.HttpExportException.class,
				(ex) -> assertThat(ex.getResponse().getStatusCode()).isEqualTo(503));
		assertThat(Loki4jClient.push(this.port, "down", "app-key", true, (logger) -> logger.info("x")))
			.anySatisfy((problem) -> assertThat(problem).contains("non-success status 503"));
		assertThat(LogbackGelfClient.send(this.port, "down", "app-key", CompressionMethod.GZIP,
				(logger) -> logger.info("x")))
			.anySatisfy((problem) -> assertThat(problem).contains("Code: 503"));
		HttpResponse<String> loki = post("/loki/api/v1/push", "application/json",
				"{\"streams\":[{\"stream\":{\"job\":\"down\"},\"values\":[[\"1700000000000000000\",\"x\"]]}]}");
		assertThat(loki.statusCode()).isEqualTo(503);
		assertThat(loki.headers().firstValue("Retry-After")).hasValue("7");
		HttpResponse<String> gelf = post("/gelf", "application/json", "{\"host\":\"a\",\"short_message\":\"x\"}");
		assertThat(gelf.statusCode()).isEqualTo(503);
		assertThat(gelf.headers().firstValue("Retry-After")).hasValue("7");
	}

	private CompletableResultCode otlpExport() {
		return OtelSdkClient.export(this.port, OtlpHttpLogRecordExporter.builder().setRetryPolicy(null), "app-key",
				OtelSdkClient.records("down", "x"));
	}

	private HttpResponse<String> post(String path, String contentType, String body) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
				.timeout(Duration.ofSeconds(60))
				.header("Content-Type", contentType)
				.header("Authorization", "Bearer app-key")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

}
