package io.logpipe.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiPredicate;
import java.util.stream.Stream;

import com.github.luben.zstd.Zstd;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.logpipe.common.codec.EventCodec;
import io.logpipe.common.event.RawLogRecord;
import io.logpipe.common.topic.KafkaHeaders;
import io.logpipe.ingest.hostile.Bodies;
import io.logpipe.ingest.hostile.Endpoint;
import io.logpipe.testsupport.RealKafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The hostile-input corpus ({@code src/test/resources/hostile/} and the bodies
 * {@link Bodies} builds) against every ingest endpoint of a running ingest-api on a real
 * broker. Each hostile request gets its protocol's clear client error within
 * {@link #BOUND} and moves no end offset of the raw topics; a request naming another
 * tenant in its body is written for the key's tenant only; afterwards every endpoint
 * still takes a good request and health is UP. docs/security.md lists what each endpoint
 * answers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "logpipe.auth.keys[0].sha256=2924a27d7fc715372a952b03583ae5f1221556bcdabbf2a57ff5de577efe11c1",
				"logpipe.auth.keys[0].tenant=it-tenant", "ingest.kafka.topics.app=hostile-it-app",
				"ingest.kafka.topics.system=hostile-it-system", "ingest.kafka.topics.security=hostile-it-security" })
@RealKafka
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputIT {

	private static final Duration BOUND = Duration.ofSeconds(20);

	private static final String KEY = "app-key";

	private static final String TENANT = "it-tenant";

	private static final List<String> TOPICS = List.of("hostile-it-app", "hostile-it-system", "hostile-it-security");

	private static final int OVER_THE_LIMIT = 11 * 1024 * 1024;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private final EventCodec codec = new EventCodec();

	@LocalServerPort
	private int port;

	@Value("${spring.kafka.bootstrap-servers}")
	private String bootstrapServers;

	private KafkaConsumer<byte[], byte[]> consumer;

	private List<TopicPartition> partitions;

	@BeforeAll
	void readTheRawTopicsEndOffsets() {
		this.consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers, ConsumerConfig.GROUP_ID_CONFIG,
						"hostile-it-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new ByteArrayDeserializer(), new ByteArrayDeserializer());
		this.partitions = new ArrayList<>();
		await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
			this.partitions.clear();
			for (String topic : TOPICS) {
				List<PartitionInfo> infos = this.consumer.partitionsFor(topic);
				assertThat(infos).as("partitions of %s", topic).isNotEmpty();
				infos.forEach((info) -> this.partitions.add(new TopicPartition(topic, info.partition())));
			}
		});
		this.consumer.assign(this.partitions);
	}

	@AfterAll
	void close() {
		this.consumer.close();
	}

	static Stream<Arguments> corpus() {
		List<Arguments> cases = new ArrayList<>();
		for (Endpoint endpoint : Endpoint.values()) {
			cases.addAll(corpus(endpoint));
		}
		return cases.stream();
	}

	private static List<Arguments> corpus(Endpoint endpoint) {
		List<Arguments> cases = new ArrayList<>();
		String type = endpoint.contentType();
		byte[] spaces = Bodies.filled(OVER_THE_LIMIT, ' ');
		if (endpoint != Endpoint.HEC_RAW) {
			// Raw HEC is lines of text: no text is malformed or cut.
			byte[] malformed = switch (endpoint) {
				case OTLP_PROTOBUF -> new byte[] { (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0a };
				case LOKI_PROTOBUF -> Bodies.snappy(new byte[] { (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0a });
				default -> file("malformed.json");
			};
			cases.add(hostile(endpoint, "malformed", type, null, malformed, error(endpoint, 400)));
			cases.add(hostile(endpoint, "truncated", type, null, Bodies.truncated(endpoint), error(endpoint, 400)));
		}
		if (endpoint == Endpoint.NATIVE) {
			cases.add(hostile(endpoint, "truncated array", type, null, file("truncated-array.json"),
					error(endpoint, 400)));
		}
		cases.add(hostile(endpoint, "invalid UTF-8", type, null, Bodies.invalidUtf8(endpoint),
				(endpoint == Endpoint.ES_BULK) ? bulkItemsRejected() : error(endpoint, 400)));
		if (endpoint == Endpoint.NATIVE || endpoint == Endpoint.OTLP_JSON || endpoint == Endpoint.LOKI_JSON) {
			// The others take any content type, as their clients send any (or none).
			int status = (endpoint == Endpoint.NATIVE) ? 415 : 400;
			cases.add(hostile(endpoint, "wrong content type", "application/x-www-form-urlencoded", null,
					Bodies.good(endpoint, "form"), error(endpoint, status)));
			cases.add(hostile(endpoint, "no content type", null, null, Bodies.good(endpoint, "none"),
					error(endpoint, status)));
		}
		cases.add(hostile(endpoint, "gzip bomb", type, "gzip", Bodies.gzip(spaces), error(endpoint, 413)));
		cases.add(hostile(endpoint, "zstd bomb", type, "zstd", Zstd.compress(spaces), error(endpoint, 413)));
		cases.add(hostile(endpoint, "snappy bomb", type, "snappy", Bodies.snappy(spaces), error(endpoint, 413)));
		if (endpoint == Endpoint.LOKI_PROTOBUF) {
			cases.add(hostile(endpoint, "snappy bomb as Loki's own body", type, null, Bodies.snappy(spaces),
					error(endpoint, 413)));
		}
		if (endpoint == Endpoint.GELF) {
			cases.add(hostile(endpoint, "gzip bomb known by its magic bytes", type, null, Bodies.gzip(spaces),
					error(endpoint, 413)));
		}
		if (endpoint.json() || endpoint == Endpoint.OTLP_PROTOBUF) {
			cases.add(hostile(endpoint, "nesting 10,000 deep", type, null, Bodies.nested(endpoint, 10_000),
					(endpoint == Endpoint.ES_BULK) ? bulkItemsRejected() : error(endpoint, 400)));
		}
		if (endpoint != Endpoint.HEC_RAW) {
			cases
				.add(hostile(endpoint, "100,000 fields", type, null, Bodies.wide(endpoint, 100_000), switch (endpoint) {
					case ES_BULK -> bulkItemsRejected();
					case OTLP_JSON, OTLP_PROTOBUF -> otlpRecordsRejected(endpoint);
					default -> error(endpoint, 400);
				}));
		}
		return cases;
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("corpus")
	void answersAClearClientErrorWithinItsBoundAndWritesNothing(Endpoint endpoint, String name, String contentType,
			String contentEncoding, byte[] body, Expected expected) {
		long before = endOffsets();
		long start = System.nanoTime();
		HttpResponse<byte[]> response = send(endpoint, KEY, contentType, contentEncoding, body, Map.of());
		Duration took = Duration.ofNanos(System.nanoTime() - start);

		String text = new String(response.body(), StandardCharsets.UTF_8);
		assertThat(expected.test(response.statusCode(), response.body()))
			.as("%s, answered %d %s", expected, response.statusCode(), text)
			.isTrue();
		assertThat(response.body()).as("a reason for the client").isNotEmpty();
		assertThat(took).isLessThan(BOUND);
		assertThat(endOffsets()).as("end offsets of the raw topics").isEqualTo(before);
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(Endpoint.class)
	void refusesAnUnknownKey(Endpoint endpoint) {
		long before = endOffsets();

		HttpResponse<byte[]> response = send(endpoint, "nope", endpoint.contentType(), null,
				Bodies.good(endpoint, "unknown key"), Map.of());

		assertThat(response.statusCode()).isEqualTo(endpoint.unknownKeyStatus());
		assertThat(endOffsets()).isEqualTo(before);
	}

	/**
	 * A body over the limit, as one 50 MB line streamed without a declared length, so
	 * that ingest must count the bytes itself; the answer is read while the line is still
	 * being sent (a client that only reads after sending everything sees the connection
	 * closed).
	 */
	@ParameterizedTest(name = "{0}")
	@EnumSource(Endpoint.class)
	void aFiftyMegabyteSingleLineGets413OnceTheLimitIsReached(Endpoint endpoint) throws Exception {
		long before = endOffsets();
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout((int) BOUND.toMillis());
			OutputStream out = socket.getOutputStream();
			out.write(head(endpoint, Map.of("Transfer-Encoding", "chunked")));
			Thread sender = Thread.ofVirtual().start(() -> {
				byte[] chunk = Bodies.filled(1024 * 1024, 'x');
				try {
					for (int i = 0; i < 50; i++) {
						out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
						out.write(chunk);
						out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
					}
					out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
				}
				catch (IOException ex) {
					// ingest answered and closed before the whole line was sent
				}
			});
			long start = System.nanoTime();

			assertThat(status(socket.getInputStream())).isEqualTo("HTTP/1.1 413");
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
			sender.join(BOUND.toMillis());
		}
		assertThat(endOffsets()).isEqualTo(before);
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(Endpoint.class)
	void aDeclaredLengthOverTheLimitGets413BeforeTheBodyIsSent(Endpoint endpoint) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout((int) BOUND.toMillis());
			socket.getOutputStream().write(head(endpoint, Map.of("Content-Length", Integer.toString(OVER_THE_LIMIT))));

			assertThat(status(socket.getInputStream())).isEqualTo("HTTP/1.1 413");
		}
	}

	static Stream<Arguments> copiedHeaders() {
		List<Arguments> cases = new ArrayList<>();
		for (Endpoint endpoint : Endpoint.values()) {
			List<String> headers = new ArrayList<>(List.of("traceparent", "Idempotency-Key"));
			switch (endpoint) {
				case NATIVE -> headers
					.addAll(List.of("X-Logpipe-Service", "X-Logpipe-Host", "X-Logpipe-Format", "X-Logpipe-Category"));
				case HEC_EVENT, HEC_RAW -> headers.add("X-Splunk-Request-Channel");
				case LOKI_JSON, LOKI_PROTOBUF -> headers.add("X-Scope-OrgID");
				default -> {
				}
			}
			headers.forEach((header) -> cases.add(Arguments.of(endpoint, header)));
		}
		return cases.stream();
	}

	/**
	 * Header injection in every header ingest copies into a record (or reads for one): a
	 * bare CR that would start a forged header, and a value of 16KB. Tomcat refuses both
	 * with 400 before ingest sees the request.
	 */
	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("copiedHeaders")
	void refusesInjectedAndOverlongHeaderValues(Endpoint endpoint, String header) throws IOException {
		long before = endOffsets();
		byte[] body = Bodies.good(endpoint, "injected");
		for (String value : List.of("web\rX-Logpipe-Tenant: other", "x".repeat(16 * 1024))) {
			try (Socket socket = new Socket("127.0.0.1", this.port)) {
				socket.setSoTimeout((int) BOUND.toMillis());
				Map<String, String> headers = new LinkedHashMap<>();
				headers.put(header, value);
				headers.put("Content-Length", Integer.toString(body.length));
				socket.getOutputStream().write(head(endpoint, headers));
				socket.getOutputStream().write(body);

				assertThat(status(socket.getInputStream())).as("%s: %s...", header, value.substring(0, 10))
					.isEqualTo("HTTP/1.1 400");
			}
		}
		assertThat(endOffsets()).isEqualTo(before);
	}

	/**
	 * A {@code traceparent} that does not parse is ignored, as W3C Trace Context asks,
	 * and not copied onto the record's Kafka headers either: 4KB of a client's text would
	 * otherwise ride along on every record down to the parsed documents.
	 */
	@ParameterizedTest(name = "{0}")
	@EnumSource(value = Endpoint.class, names = { "NATIVE", "ES_BULK", "LOKI_JSON" })
	void doesNotCopyATraceparentThatDoesNotParse(Endpoint endpoint) {
		String marker = "traceparent-" + UUID.randomUUID();
		String traceparent = "00-5b8efff798038103d269b633813fc60c-eee19b7ec3c1b174-01-" + "x".repeat(4096);

		HttpResponse<byte[]> response = send(endpoint, KEY, endpoint.contentType(), null, Bodies.good(endpoint, marker),
				Map.of("traceparent", traceparent));

		assertThat(response.statusCode()).isBetween(200, 299);
		ConsumerRecord<byte[], byte[]> record = awaitRecord(marker);
		assertThat(record.headers().lastHeader(KafkaHeaders.TRACEPARENT)).isNull();
		assertThat(this.codec.decodeRaw(record.value()).trace()).isNull();
	}

	static Stream<Arguments> crossTenant() {
		String marker = "cross-tenant ";
		String other = "othertenant";
		String ecs = ",\"organization\":{\"id\":\"" + other + "\"},\"data_stream\":{\"namespace\":\"" + other
				+ "\"},\"tenant\":\"" + other + "\"";
		return Stream.of(
				Arguments.of(Endpoint.NATIVE, "/api/v1/logs", Map.of(),
						Endpoint.utf8("{\"message\":\"" + marker + "native\"" + ecs + "}")),
				Arguments.of(Endpoint.ES_BULK, "/_bulk", Map.of(),
						Endpoint.utf8("{\"create\":{\"_index\":\"logs-x-" + other
								+ "\",\"_id\":\"1\"}}\n{\"message\":\"" + marker + "bulk\"" + ecs + "}\n")),
				Arguments.of(Endpoint.ES_DOC, "/logs-x-" + other + "/_doc", Map.of(),
						Endpoint.utf8("{\"message\":\"" + marker + "doc\"" + ecs + "}")),
				Arguments.of(Endpoint.HEC_EVENT, "/services/collector/event", Map.of(),
						Endpoint.utf8("{\"index\":\"" + other + "\",\"event\":\"" + marker
								+ "hec\",\"fields\":{\"organization.id\":\"" + other + "\",\"tenant\":\"" + other
								+ "\"}}")),
				Arguments.of(Endpoint.HEC_RAW,
						"/services/collector/raw?index=" + other + "&channel=" + UUID.randomUUID(), Map.of(),
						Endpoint.utf8(marker + "raw\n")),
				Arguments.of(Endpoint.OTLP_JSON, "/v1/logs", Map.of(), Endpoint.utf8(
						"{\"resourceLogs\":[{\"resource\":{\"attributes\":[{\"key\":\"organization.id\",\"value\":{\"stringValue\":\""
								+ other + "\"}},{\"key\":\"data_stream.namespace\",\"value\":{\"stringValue\":\""
								+ other + "\"}}]},\"scopeLogs\":[{\"logRecords\":[{\"body\":{\"stringValue\":\""
								+ marker + "otlp\"}}]}]}]}")),
				Arguments.of(Endpoint.LOKI_JSON, "/loki/api/v1/push", Map.of("X-Scope-OrgID", other),
						Endpoint.utf8("{\"streams\":[{\"stream\":{\"tenant\":\"" + other + "\",\"org_id\":\"" + other
								+ "\"},\"values\":[[\"1700000000000000000\",\"" + marker + "loki\"]]}]}")),
				Arguments.of(Endpoint.GELF, "/gelf", Map.of(), Endpoint.utf8("{\"host\":\"h\",\"short_message\":\""
						+ marker + "gelf\",\"_tenant\":\"" + other + "\",\"_organization_id\":\"" + other + "\"}")));
	}

	/**
	 * Another tenant named in the body (an index or data stream, an ECS
	 * {@code organization.id}, a label, a resource attribute, an additional field) or in
	 * a header ({@code X-Scope-OrgID}) is kept as data at most: the record belongs to the
	 * key's tenant, which alone decides the data stream.
	 */
	@ParameterizedTest(name = "{0}")
	@MethodSource("crossTenant")
	void writesWhatNamesAnotherTenantForTheKeysTenantOnly(Endpoint endpoint, String path, Map<String, String> headers,
			byte[] body) {
		String message = new String(body, StandardCharsets.UTF_8).replaceAll("(?s).*(cross-tenant [a-z]+).*", "$1");

		HttpResponse<byte[]> response = send(endpoint, path, KEY, endpoint.contentType(), null, body, headers);

		assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isBetween(200, 299);
		RawLogRecord record = this.codec.decodeRaw(awaitRecord(message).value());
		assertThat(record.tenant()).isEqualTo(TENANT);
		assertThat(record.message()).isEqualTo(message);
	}

	@Test
	void everyEndpointStillServesAndHealthIsUp() {
		for (Endpoint endpoint : Endpoint.values()) {
			String marker = "still-serving-" + endpoint + "-" + UUID.randomUUID();
			HttpResponse<byte[]> response = send(endpoint, KEY, endpoint.contentType(), null,
					Bodies.good(endpoint, marker), Map.of());
			assertThat(response.statusCode())
				.as("%s: %s", endpoint, new String(response.body(), StandardCharsets.UTF_8))
				.isBetween(200, 299);
			assertThat(this.codec.decodeRaw(awaitRecord(marker).value()).tenant()).isEqualTo(TENANT);
		}
		HttpResponse<byte[]> health = get("/actuator/health");
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(new String(health.body(), StandardCharsets.UTF_8)).contains("\"UP\"");
	}

	private ConsumerRecord<byte[], byte[]> awaitRecord(String message) {
		List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
		this.consumer.seekToBeginning(this.partitions);
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			for (ConsumerRecord<byte[], byte[]> record : this.consumer.poll(Duration.ofMillis(500))) {
				if (message.equals(this.codec.decodeRaw(record.value()).message())) {
					found.add(record);
				}
			}
			assertThat(found).isNotEmpty();
		});
		return found.getFirst();
	}

	private long endOffsets() {
		return this.consumer.endOffsets(this.partitions).values().stream().mapToLong(Long::longValue).sum();
	}

	private HttpResponse<byte[]> send(Endpoint endpoint, String key, String contentType, String contentEncoding,
			byte[] body, Map<String, String> headers) {
		return send(endpoint, endpoint.path(), key, contentType, contentEncoding, body, headers);
	}

	private HttpResponse<byte[]> send(Endpoint endpoint, String path, String key, String contentType,
			String contentEncoding, byte[] body, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(60))
			.header("Authorization", endpoint.authorization(key))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		if (contentEncoding != null) {
			request.header("Content-Encoding", contentEncoding);
		}
		headers.forEach(request::header);
		return call(request.build());
	}

	private HttpResponse<byte[]> get(String path) {
		return call(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).GET().build());
	}

	private HttpResponse<byte[]> call(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The request line and headers of a POST to the endpoint with the good key. */
	private static byte[] head(Endpoint endpoint, Map<String, String> headers) {
		StringBuilder head = new StringBuilder("POST ").append(endpoint.path())
			.append(" HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: ")
			.append(endpoint.authorization(KEY))
			.append("\r\nContent-Type: ")
			.append(endpoint.contentType())
			.append("\r\n");
		headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
		return head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
	}

	private static String status(InputStream in) throws IOException {
		return new String(in.readNBytes(12), StandardCharsets.US_ASCII);
	}

	private static byte[] file(String name) {
		try (InputStream in = HostileInputIT.class.getResourceAsStream("/hostile/" + name)) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Arguments hostile(Endpoint endpoint, String name, String contentType, String contentEncoding,
			byte[] body, Expected expected) {
		return Arguments.of(endpoint, name, contentType, contentEncoding, body, expected);
	}

	/** The endpoint's error answer with this status. */
	private static Expected error(Endpoint endpoint, int status) {
		return new Expected(endpoint + " answers " + status, (code, body) -> code == status);
	}

	/**
	 * {@code _bulk} answers a document it cannot take with its item's 400 in a 200, as
	 * Elasticsearch does; none of the items was created.
	 */
	private static Expected bulkItemsRejected() {
		return new Expected("_bulk answers 200 with every item 400", (code, body) -> {
			String text = new String(body, StandardCharsets.UTF_8);
			return code == 200 && text.contains("\"errors\":true") && text.contains("\"status\":400")
					&& !text.contains("\"status\":201");
		});
	}

	/**
	 * OTLP answers records it rejects for good with a 200 that counts them in
	 * {@code partial_success}, which clients must not retry.
	 */
	private static Expected otlpRecordsRejected(Endpoint endpoint) {
		return new Expected("OTLP answers 200 with every record in partial_success", (code, body) -> {
			if (code != 200) {
				return false;
			}
			if (endpoint == Endpoint.OTLP_JSON) {
				return new String(body, StandardCharsets.UTF_8).contains("\"rejectedLogRecords\":\"1\"");
			}
			try {
				return ExportLogsServiceResponse.parseFrom(body).getPartialSuccess().getRejectedLogRecords() == 1;
			}
			catch (IOException ex) {
				return false;
			}
		});
	}

	/** What the endpoint must answer, with a name for the report. */
	record Expected(String description, BiPredicate<Integer, byte[]> answer) {

		boolean test(int status, byte[] body) {
			return this.answer.test(status, body);
		}

		@Override
		public String toString() {
			return this.description;
		}

	}

}
