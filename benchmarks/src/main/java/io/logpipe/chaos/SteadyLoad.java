package io.logpipe.chaos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A steady stream of requests to ingest-api, the way a careful client sends them: each
 * request has its own {@code Idempotency-Key} and is sent again, with the same key and
 * body, until ingest-api acknowledges it (a 503 or 429, a connection refused or reset, an
 * answer that never came), so that every acknowledged event has one id whatever happened
 * on the way. Every id of every 2xx is recorded in {@link Acknowledgements}, with the
 * time each attempt waited for its answer.
 *
 * <p>
 * A pacing thread starts {@code requestsPerSecond} requests a second, each on its own
 * virtual thread; requests still unacknowledged pile up while the pipeline is down and
 * are retried with back-off, as clients with a buffer do.
 */
final class SteadyLoad implements AutoCloseable {

	private static final Duration MAX_BACK_OFF = Duration.ofSeconds(2);

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final JsonMapper json = JsonMapper.builder().build();

	private final URI ingest;

	private final String apiKey;

	private final String service;

	private final ChaosMode mode;

	private final Duration requestTimeout;

	private final Acknowledgements acknowledgements = new Acknowledgements();

	private final Map<String, AtomicLong> answers = new ConcurrentHashMap<>();

	private final ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor();

	private final Thread pacer;

	private volatile boolean sending = true;

	private volatile boolean retrying = true;

	/**
	 * @param service the service name of every event, which names the scenario's data
	 * stream
	 * @param requestTimeout how long an attempt waits for its answer before it counts as
	 * unanswered and is sent again
	 */
	SteadyLoad(URI ingest, String apiKey, String service, ChaosMode mode, Duration requestTimeout) {
		this.ingest = ingest.resolve("/api/v1/logs");
		this.apiKey = apiKey;
		this.service = service;
		this.mode = mode;
		this.requestTimeout = requestTimeout;
		this.pacer = Thread.ofPlatform().name("chaos-load-" + service).daemon().unstarted(this::pace);
	}

	void start() {
		this.pacer.start();
	}

	Acknowledgements acknowledgements() {
		return this.acknowledgements;
	}

	/**
	 * How many attempts ended how: HTTP status, {@code unanswered} or {@code io_error}.
	 */
	Map<String, Long> answers() {
		Map<String, Long> counts = new TreeMap<>();
		this.answers.forEach((answer, count) -> counts.put(answer, count.get()));
		return counts;
	}

	/**
	 * Stops starting requests and waits up to {@code timeout} for those still retrying to
	 * be acknowledged; the rest stay counted as pending.
	 */
	void stop(Duration timeout) throws InterruptedException {
		this.sending = false;
		this.pacer.join();
		this.requests.shutdown();
		if (!this.requests.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			this.retrying = false;
			this.requests.shutdownNow();
			this.requests.awaitTermination(30, TimeUnit.SECONDS);
		}
	}

	@Override
	public void close() throws InterruptedException {
		this.sending = false;
		this.retrying = false;
		this.requests.shutdownNow();
		this.requests.awaitTermination(30, TimeUnit.SECONDS);
	}

	private void pace() {
		long interval = 1_000_000_000L / this.mode.requestsPerSecond();
		long next = System.nanoTime();
		for (long sequence = 0; this.sending; sequence++) {
			long wait = next - System.nanoTime();
			if (wait > 0) {
				try {
					Thread.sleep(Duration.ofNanos(wait));
				}
				catch (InterruptedException ex) {
					return;
				}
			}
			next += interval;
			long number = sequence;
			this.requests.execute(() -> send(number));
		}
	}

	private void send(long sequence) {
		// Elasticsearch keeps @timestamp in milliseconds; so does the comparison with it.
		Instant created = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		String key = this.service + "-" + sequence;
		HttpRequest request = HttpRequest.newBuilder(this.ingest)
			.timeout(this.requestTimeout)
			.header("Authorization", "Bearer " + this.apiKey)
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", key)
			.POST(HttpRequest.BodyPublishers.ofString(body(sequence, created)))
			.build();
		this.acknowledgements.pending(key, created);
		try {
			for (int attempt = 0; this.retrying; attempt++) {
				if (attempt > 0) {
					Thread.sleep(backOff(attempt));
				}
				long sent = System.nanoTime();
				String outcome;
				try {
					HttpResponse<String> response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
					this.acknowledgements.answered(System.nanoTime() - sent);
					outcome = Integer.toString(response.statusCode());
					count(outcome);
					if (response.statusCode() / 100 == 2) {
						acknowledge(key, created, response.body());
						return;
					}
					if (response.statusCode() != 503 && response.statusCode() != 429) {
						// A client error would repeat on every retry: the request is lost
						// to
						// the client, which the report shows as unacknowledged.
						this.acknowledgements.refused(key, outcome + " " + response.body());
						return;
					}
				}
				catch (HttpTimeoutException ex) {
					this.acknowledgements.answered(System.nanoTime() - sent);
					count("unanswered");
				}
				catch (IOException ex) {
					// Refused while the service is down, reset when it died mid-request.
					this.acknowledgements.answered(System.nanoTime() - sent);
					count("io_error");
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void acknowledge(String key, Instant created, String body) {
		JsonNode answer = this.json.readTree(body);
		this.acknowledgements.acknowledged(key, created,
				answer.path("ids").valueStream().map(JsonNode::asString).toList(), answer.path("rejected").size());
	}

	private String body(long sequence, Instant created) {
		ArrayNode events = this.json.createArrayNode();
		for (int i = 0; i < this.mode.eventsPerRequest(); i++) {
			ObjectNode event = events.addObject();
			event.put("message", "chaos request " + sequence + " event " + i)
				.put("service", this.service)
				.put("level", "info")
				.put("timestamp", created.toString());
		}
		return this.json.writeValueAsString(events);
	}

	private static Duration backOff(int attempt) {
		long millis = Math.min(MAX_BACK_OFF.toMillis(), 100L << Math.min(attempt, 10));
		return Duration.ofMillis(millis);
	}

	private void count(String outcome) {
		this.answers.computeIfAbsent(outcome, (ignored) -> new AtomicLong()).incrementAndGet();
	}

}
