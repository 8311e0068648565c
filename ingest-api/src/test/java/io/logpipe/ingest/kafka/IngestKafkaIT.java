package io.logpipe.ingest.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.logpipe.common.codec.EventCodec;
import io.logpipe.common.event.Category;
import io.logpipe.common.event.RawLogRecord;
import io.logpipe.common.event.TraceContext;
import io.logpipe.common.topic.KafkaHeaders;
import io.logpipe.ingest.IngestClient;
import io.logpipe.testsupport.RealKafka;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Events POSTed over real HTTP land on the real broker's raw topics as the pipeline
 * expects them: topic by category, key tenant/service, headers, a value that decodes to
 * what was sent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "logpipe.auth.keys[0].sha256=2924a27d7fc715372a952b03583ae5f1221556bcdabbf2a57ff5de577efe11c1",
				"logpipe.auth.keys[0].tenant=it-tenant", "ingest.kafka.topics.app=ingest-it-app",
				"ingest.kafka.topics.system=ingest-it-system", "ingest.kafka.topics.security=ingest-it-security",
				"ingest.routing.rules[0].message-pattern=(?i)authentication failure",
				"ingest.routing.rules[0].category=security" })
@RealKafka
class IngestKafkaIT {

	private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

	private final EventCodec codec = new EventCodec();

	@LocalServerPort
	private int port;

	@Value("${spring.kafka.bootstrap-servers}")
	private String bootstrapServers;

	@Autowired
	private MeterRegistry registry;

	private IngestClient client;

	private KafkaConsumer<String, byte[]> consumer;

	@BeforeEach
	void connect() {
		this.client = new IngestClient(this.port);
		this.consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers, ConsumerConfig.GROUP_ID_CONFIG,
						"ingest-it-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new StringDeserializer(), new ByteArrayDeserializer());
		this.consumer.subscribe(List.of("ingest-it-app", "ingest-it-system", "ingest-it-security"));
	}

	@AfterEach
	void close() {
		this.consumer.close();
	}

	@Test
	void publishesGzippedNdjsonToTheCategorysTopicKeyedByTenantAndServiceWithHeaders() {
		String body = "{\"message\":\"order placed\",\"service\":\"checkout\",\"level\":\"info\"}\n"
				+ "{\"message\":\"Authentication failure for bob\",\"service\":\"sso\"}\n";

		HttpResponse<String> response = this.client.post("application/x-ndjson", gzip(body), "Authorization",
				"Bearer app-key", "Content-Encoding", "gzip", "traceparent", TRACEPARENT);

		assertThat(response.statusCode()).isEqualTo(202);
		List<String> ids = ids(response);
		assertThat(ids).hasSize(2);
		List<ConsumerRecord<String, byte[]>> records = consume(ids);
		ConsumerRecord<String, byte[]> order = find(records, ids.get(0));
		assertThat(order.topic()).isEqualTo("ingest-it-app");
		assertThat(order.key()).isEqualTo("it-tenant/checkout");
		assertThat(header(order, KafkaHeaders.SCHEMA_VERSION)).isEqualTo("1");
		assertThat(header(order, KafkaHeaders.TRACEPARENT)).isEqualTo(TRACEPARENT);
		RawLogRecord decoded = this.codec.decodeRaw(order.value());
		assertThat(decoded.trace()).as("the document's trace.id and span.id come from here")
			.isEqualTo(TraceContext.fromTraceparent(TRACEPARENT).orElseThrow());
		assertThat(decoded.tenant()).isEqualTo("it-tenant");
		assertThat(decoded.message()).isEqualTo("order placed");
		assertThat(decoded.category()).isEqualTo(Category.APP);
		assertThat(decoded.source().service()).isEqualTo("checkout");
		assertThat(decoded.fields()).containsEntry("level", "info");
		ConsumerRecord<String, byte[]> login = find(records, ids.get(1));
		assertThat(login.topic()).isEqualTo("ingest-it-security");
		assertThat(login.key()).isEqualTo("it-tenant/sso");
		assertThat(this.registry.get("logpipe.ingest.kafka.produce").tag("outcome", "acknowledged").timer().count())
			.isPositive();
	}

	@Test
	void givesARetriedRequestTheSameIdsOnTheTopic() {
		byte[] body = "GET /cart 200\nGET /pay 500\n".getBytes(StandardCharsets.UTF_8);
		String key = "retry-" + UUID.randomUUID();

		HttpResponse<String> first = this.client.post("text/plain", body, "Authorization", "Bearer app-key",
				"X-Logpipe-Service", "web", "Idempotency-Key", key);
		HttpResponse<String> retry = this.client.post("text/plain", body, "Authorization", "Bearer app-key",
				"X-Logpipe-Service", "web", "Idempotency-Key", key);

		assertThat(first.statusCode()).isEqualTo(202);
		assertThat(ids(retry)).isEqualTo(ids(first));
		List<ConsumerRecord<String, byte[]>> records = consume(ids(first));
		assertThat(records).extracting((record) -> this.codec.decodeRaw(record.value()).message())
			.containsExactlyInAnyOrder("GET /cart 200", "GET /pay 500", "GET /cart 200", "GET /pay 500");
	}

	/** Polls until each id was seen (twice when asked for twice). */
	private List<ConsumerRecord<String, byte[]>> consume(List<String> ids) {
		List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
		await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
			this.consumer.poll(Duration.ofMillis(500)).forEach(seen::add);
			assertThat(seen).extracting((record) -> this.codec.decodeRaw(record.value()).id()).containsAll(ids);
		});
		return seen.stream().filter((record) -> ids.contains(this.codec.decodeRaw(record.value()).id())).toList();
	}

	private ConsumerRecord<String, byte[]> find(List<ConsumerRecord<String, byte[]>> records, String id) {
		return records.stream()
			.filter((record) -> this.codec.decodeRaw(record.value()).id().equals(id))
			.findFirst()
			.orElseThrow();
	}

	private List<String> ids(HttpResponse<String> response) {
		JsonNode ids = this.codec.mapper().readTree(response.body()).get("ids");
		List<String> result = new ArrayList<>();
		ids.forEach((id) -> result.add(id.asString()));
		return result;
	}

	private static String header(ConsumerRecord<String, byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	private static byte[] gzip(String text) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
