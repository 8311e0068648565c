package io.logpipe.indexer.tail;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.logpipe.indexer.TestDocuments;
import io.logpipe.indexer.search.ReadSideIT;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code GET /api/v1/tail} on real Kafka: a tail gets its own tenant's new documents that
 * pass its filters, within seconds; a reader that does not keep up gets a {@code dropped}
 * event instead of making the server hold everything; past the per-tenant limit a tail is
 * refused with 429.
 */
@ReadSideIT
class TailIT {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private TailHub hub;

	@Autowired
	private ParsedLogsTail tail;

	@BeforeAll
	static void createTheParsedTopic() {
		// In production parser-service creates it; the tail waits until it exists.
		TestDocuments.createTopic(ReadSideIT.TOPIC, 3);
	}

	@Test
	void deliversTheTenantsMatchingDocumentsAndNothingElse() throws Exception {
		await().atMost(Duration.ofSeconds(60)).until(this.tail::isLive);
		try (Tail acmeErrors = open(ReadSideIT.TAIL_A_KEY, "level=error&q=disk");
				TestDocuments kafka = new TestDocuments()) {
			acmeErrors.awaitEvent("ready");
			ObjectNode wanted = document(ReadSideIT.TAIL_A, "ERROR", "disk full on /var");
			kafka.send(ReadSideIT.TOPIC,
					List.of(document(ReadSideIT.TAIL_B, "ERROR", "disk full of globex secrets"),
							document(ReadSideIT.TAIL_A, "WARN", "disk almost full"),
							document(ReadSideIT.TAIL_A, "ERROR", "connection refused"), wanted));

			JsonNode received = json.readTree(acmeErrors.awaitEvent("log"));
			assertThat(received.at("/event/id").asString()).isEqualTo(wanted.at("/event/id").asString());
			assertThat(acmeErrors.nextEvent(Duration.ofSeconds(3))).as("only one document matches").isNull();
		}
	}

	/**
	 * A filtered tail among a flood of its own tenant's other documents: the consumer
	 * parses every one of them, and must still hand over each match, in order, without
	 * counting any as dropped (the reader keeps up: only one in a thousand matches).
	 */
	@Test
	void aFilteredTailMissesNoneOfItsDocumentsAmongManyOthersOfTheTenant() throws Exception {
		await().atMost(Duration.ofSeconds(60)).until(this.tail::isLive);
		int rounds = 20;
		List<String> probeIds = new ArrayList<>();
		try (Tail probes = open(ReadSideIT.TAIL_A_KEY, "service=probe"); TestDocuments kafka = new TestDocuments()) {
			probes.awaitEvent("ready");
			for (int round = 0; round < rounds; round++) {
				List<ObjectNode> documents = TestDocuments.documents(1000, "noise", ReadSideIT.TAIL_A);
				ObjectNode probe = TestDocuments.document("probe", ReadSideIT.TAIL_A);
				probeIds.add(probe.at("/event/id").asString());
				documents.add(round * 37 % 1000, probe);
				kafka.send(ReadSideIT.TOPIC, documents);
			}
			List<String> received = new ArrayList<>();
			while (received.size() < rounds) {
				String event = probes.awaitAny();
				assertThat(event).as("nothing is dropped for a reader that keeps up").doesNotStartWith("dropped:");
				if (event.startsWith("log:")) {
					received.add(json.readTree(event.substring("log:".length())).at("/event/id").asString());
				}
			}
			assertThat(received).containsExactlyElementsOf(probeIds);
		}
	}

	@Test
	void aSlowReaderIsToldHowManyDocumentsItLostInsteadOfGrowingMemory() throws Exception {
		await().atMost(Duration.ofSeconds(60)).until(this.tail::isLive);
		HttpResponse<InputStream> stalled = this.http.send(request(ReadSideIT.TAIL_B_KEY, "service=bulky"),
				HttpResponse.BodyHandlers.ofInputStream());
		assertThat(stalled.statusCode()).isEqualTo(200);
		// Documents of 16 KB; 2,000 of them are far more than the socket buffers and the
		// queue of 5 (indexer.tail.queue-capacity) hold while nobody reads.
		String filler = "x".repeat(16 * 1024);
		try (TestDocuments kafka = new TestDocuments()) {
			for (int batch = 0; batch < 10; batch++) {
				List<ObjectNode> documents = new ArrayList<>();
				for (int i = 0; i < 200; i++) {
					ObjectNode document = TestDocuments.document("bulky", ReadSideIT.TAIL_B);
					document.put("message", "bulky " + filler);
					documents.add(document);
				}
				kafka.send(ReadSideIT.TOPIC, documents);
			}
		}
		try (Tail reader = new Tail(stalled)) {
			long dropped = 0;
			while (dropped == 0) {
				String event = reader.awaitAny();
				if (event.startsWith("dropped:")) {
					dropped = json.readTree(event.substring("dropped:".length())).get("dropped").asLong();
				}
			}
			assertThat(dropped).isPositive();
		}
	}

	@Test
	void refusesATailPastTheTenantsLimitWith429() throws Exception {
		await().atMost(Duration.ofSeconds(60)).until(this.tail::isLive);
		// Tails of earlier tests end once a heartbeat finds their connection closed.
		await().atMost(Duration.ofSeconds(30)).until(() -> this.hub.openTails() == 0);
		try (Tail first = open(ReadSideIT.TAIL_A_KEY, ""); Tail second = open(ReadSideIT.TAIL_A_KEY, "")) {
			first.awaitEvent("ready");
			second.awaitEvent("ready");
			HttpResponse<String> third = this.http.send(request(ReadSideIT.TAIL_A_KEY, ""),
					HttpResponse.BodyHandlers.ofString());

			assertThat(third.statusCode()).isEqualTo(429);
			assertThat(third.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(json.readTree(third.body()).get("type").asString())
				.isEqualTo("urn:logpipe:problem:too-many-tails");
			assertThat(third.headers().firstValue("Retry-After")).isPresent();
		}
		await("closed tails are released").atMost(Duration.ofSeconds(30)).until(() -> this.hub.openTails() == 0);
	}

	@Test
	void refusesATailWithoutAKey() throws Exception {
		HttpResponse<String> answer = this.http.send(request("nope", ""), HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).isEqualTo(401);
		assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

	private static ObjectNode document(String tenant, String level, String message) {
		ObjectNode document = TestDocuments.document("api", tenant);
		document.put("message", message);
		document.putObject("log").put("level", level);
		return document;
	}

	private HttpRequest request(String key, String query) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/tail?" + query))
			.header("Authorization", "Bearer " + key)
			.header("Accept", "text/event-stream")
			.build();
	}

	private Tail open(String key, String query) throws Exception {
		HttpResponse<InputStream> response = this.http.send(request(key, query),
				HttpResponse.BodyHandlers.ofInputStream());
		assertThat(response.statusCode()).isEqualTo(200);
		return new Tail(response);
	}

	/** Reads a tail's events on a thread of its own, as {@code name:data}. */
	private static final class Tail implements AutoCloseable {

		private final BlockingQueue<String> events = new LinkedBlockingQueue<>();

		private final InputStream body;

		Tail(HttpResponse<InputStream> response) {
			this.body = response.body();
			Thread.ofVirtual().start(this::read);
		}

		private void read() {
			try (BufferedReader lines = new BufferedReader(new InputStreamReader(this.body, StandardCharsets.UTF_8))) {
				String name = "message";
				StringBuilder data = new StringBuilder();
				for (String line = lines.readLine(); line != null; line = lines.readLine()) {
					if (line.startsWith("event:")) {
						name = line.substring(6).strip();
					}
					else if (line.startsWith("data:")) {
						data.append(line.substring(5));
					}
					else if (line.isEmpty() && !data.isEmpty()) {
						this.events.add(name + ":" + data);
						name = "message";
						data.setLength(0);
					}
				}
			}
			catch (Exception ex) {
				// closed by the test
			}
		}

		String awaitAny() throws InterruptedException {
			String event = this.events.poll(60, TimeUnit.SECONDS);
			assertThat(event).as("an event within 60 s").isNotNull();
			return event;
		}

		/**
		 * The data of the next event of that name; other events before it are skipped.
		 */
		String awaitEvent(String name) throws InterruptedException {
			for (;;) {
				String event = awaitAny();
				if (event.startsWith(name + ":")) {
					return event.substring(name.length() + 1);
				}
			}
		}

		String nextEvent(Duration within) throws InterruptedException {
			return this.events.poll(within.toMillis(), TimeUnit.MILLISECONDS);
		}

		@Override
		public void close() throws Exception {
			this.body.close();
		}

	}

}
