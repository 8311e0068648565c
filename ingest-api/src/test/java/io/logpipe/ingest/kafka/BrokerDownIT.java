package io.logpipe.ingest.kafka;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.logpipe.common.codec.EventCodec;
import io.logpipe.ingest.IngestClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kafka goes away: ingest answers 503 with {@code Retry-After} and claims nothing. This
 * test runs its OWN broker, which it stops; the JVM's shared broker is never touched.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "logpipe.auth.keys[0].sha256=2924a27d7fc715372a952b03583ae5f1221556bcdabbf2a57ff5de577efe11c1",
				"logpipe.auth.keys[0].tenant=it-tenant", "ingest.kafka.ack-timeout=2s", "ingest.kafka.retry-after=7s",
				"ingest.kafka.topics.app=broker-down-it-app", "spring.kafka.producer.properties.max.block.ms=2000" })
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
	void answers503WithRetryAfterAndNoIdsOnceTheBrokerIsGone() {
		IngestClient client = new IngestClient(this.port);
		byte[] body = "{\"message\":\"m\",\"service\":\"checkout\"}".getBytes(StandardCharsets.UTF_8);
		HttpResponse<String> before = client.post("application/json", body, "Authorization", "Bearer app-key");
		assertThat(before.statusCode()).as(before.body()).isEqualTo(202);

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
	}

}
