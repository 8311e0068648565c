package io.logpipe.ingest.kafka;

import java.io.ByteArrayOutputStream;
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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import com.github.luben.zstd.Zstd;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xerial.snappy.Snappy;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.logpipe.common.codec.EventCodec;
import io.logpipe.testsupport.RealKafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The hostile-input corpus ({@code src/test/resources/hostile/} and the bodies generated
 * here) against a running ingest-api on a real broker: every request gets a clear 4xx
 * problem within its time bound, and afterwards the raw topic holds nothing but the one
 * good event sent last, which ingest still accepts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "logpipe.auth.keys[0].sha256=2924a27d7fc715372a952b03583ae5f1221556bcdabbf2a57ff5de577efe11c1",
				"logpipe.auth.keys[0].tenant=it-tenant", "ingest.kafka.topics.app=hostile-it-app",
				"ingest.kafka.topics.system=hostile-it-system", "ingest.kafka.topics.security=hostile-it-security" })
@RealKafka
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputIT {

	private static final Duration BOUND = Duration.ofSeconds(20);

	private static final int OVER_THE_LIMIT = 11 * 1024 * 1024;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@LocalServerPort
	private int port;

	@Value("${spring.kafka.bootstrap-servers}")
	private String bootstrapServers;

	private final List<String> answered = new ArrayList<>();

	static Stream<Hostile> corpus() {
		return Stream.of(new Hostile("malformed JSON", "application/json", null, file("malformed.json"), 400),
				new Hostile("truncated array", "application/json", null, file("truncated-array.json"), 400),
				new Hostile("invalid UTF-8", "application/json", null, file("invalid-utf8.json"), 400),
				new Hostile("wrong content type", "application/x-www-form-urlencoded", null,
						file("wrong-content-type.txt"), 415),
				new Hostile("no content type", null, null, file("wrong-content-type.txt"), 415),
				new Hostile("gzip bomb", "application/json", "gzip", gzip(filled(OVER_THE_LIMIT, ' ')), 413),
				new Hostile("zstd bomb", "application/json", "zstd", Zstd.compress(filled(OVER_THE_LIMIT, ' ')), 413),
				new Hostile("snappy bomb", "application/json", "snappy", snappy(filled(OVER_THE_LIMIT, ' ')), 413),
				new Hostile("nesting 10,000 deep", "application/json", null, nested(10_000), 400),
				new Hostile("100,000 fields", "application/json", null, fields(100_000), 400),
				new Hostile("nesting 10,000 deep in NDJSON", "application/x-ndjson", null, nested(10_000), 400));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("corpus")
	void answersAClear4xxWithinItsBound(Hostile hostile) {
		long start = System.nanoTime();
		HttpResponse<String> response = post(hostile.contentType(), hostile.contentEncoding(), hostile.body());
		Duration took = Duration.ofNanos(System.nanoTime() - start);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(hostile.status());
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(took).isLessThan(BOUND);
		this.answered.add(hostile.name());
	}

	@AfterAll
	void nothingReachedKafkaAndIngestStillServes() {
		assertThat(this.answered).hasSize((int) corpus().count() + 1);
		HttpResponse<String> good = post("application/json", null,
				"{\"message\":\"the good one\"}".getBytes(StandardCharsets.UTF_8));
		assertThat(good.statusCode()).isEqualTo(202);

		EventCodec codec = new EventCodec();
		List<String> messages = new ArrayList<>();
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers, ConsumerConfig.GROUP_ID_CONFIG,
						"hostile-it-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new StringDeserializer(), new ByteArrayDeserializer())) {
			consumer.subscribe(List.of("hostile-it-app", "hostile-it-system", "hostile-it-security"));
			await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
					messages.add(codec.decodeRaw(record.value()).message());
				}
				assertThat(messages).contains("the good one");
			});
		}
		assertThat(messages).containsExactly("the good one");
	}

	/**
	 * A body over the limit, as one 50 MB line streamed without a declared length, so
	 * that ingest must count the bytes itself; the answer is read while the line is still
	 * being sent (a client that only reads after sending everything sees the connection
	 * closed).
	 */
	@Test
	void aFiftyMegabyteSingleLineGets413OnceTheLimitIsReached() throws Exception {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout((int) BOUND.toMillis());
			OutputStream out = socket.getOutputStream();
			out.write(("POST /api/v1/logs HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer app-key\r\n"
					+ "Content-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			Thread sender = Thread.ofVirtual().start(() -> {
				byte[] chunk = filled(1024 * 1024, 'x');
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
			String status = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);

			assertThat(status).isEqualTo("HTTP/1.1 413");
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
			sender.join(BOUND.toMillis());
		}
		this.answered.add("a 50 MB single line");
	}

	@Test
	void headerInjectionInACopiedHeaderIsRefusedByTheServerBeforeIngestSeesIt() throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			String request = "POST /api/v1/logs HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer app-key\r\n"
					+ "Content-Type: application/json\r\nX-Logpipe-Service: web\rX-Logpipe-Tenant: other\r\n"
					+ "Content-Length: 15\r\n\r\n{\"message\":\"m\"}";
			socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
			socket.setSoTimeout((int) BOUND.toMillis());
			String status = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
			assertThat(status).isEqualTo("HTTP/1.1 400");
		}
	}

	private HttpResponse<String> post(String contentType, String contentEncoding, byte[] body) {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/logs"))
			.timeout(Duration.ofSeconds(60))
			.header("Authorization", "Bearer app-key")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		if (contentEncoding != null) {
			request.header("Content-Encoding", contentEncoding);
		}
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] file(String name) {
		try (InputStream in = HostileInputIT.class.getResourceAsStream("/hostile/" + name)) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] filled(int size, char c) {
		byte[] bytes = new byte[size];
		Arrays.fill(bytes, (byte) c);
		return bytes;
	}

	private static byte[] nested(int depth) {
		return ("{\"message\":\"deep\",\"a\":" + "[".repeat(depth) + "]".repeat(depth) + "}")
			.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] fields(int count) {
		StringBuilder json = new StringBuilder("{\"message\":\"wide\"");
		for (int i = 0; i < count; i++) {
			json.append(",\"f").append(i).append("\":1");
		}
		return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] gzip(byte[] bytes) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static byte[] snappy(byte[] bytes) {
		try {
			return Snappy.compress(bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	record Hostile(String name, String contentType, String contentEncoding, byte[] body, int status) {

		@Override
		public String toString() {
			return this.name;
		}

	}

}
