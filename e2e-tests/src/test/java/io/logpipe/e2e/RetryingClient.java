package io.logpipe.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

import io.logpipe.common.codec.EventCodec;

/**
 * A client that sends its requests one after another, each with its own
 * {@code Idempotency-Key}, and sends a request again (same key, same body) until
 * ingest-api acknowledges it, as the README tells clients to. It records every
 * acknowledged id, how each attempt ended and the longest wait for an answer.
 */
final class RetryingClient {

	private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(30);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final EventCodec codec = new EventCodec();

	private final URI logs;

	private final String apiKey;

	RetryingClient(URI logs, String apiKey) {
		this.logs = logs;
		this.apiKey = apiKey;
	}

	/**
	 * Sends {@code requests} requests of {@code events} events of {@code service}, one
	 * every {@code pace}, on a thread of its own.
	 */
	CompletableFuture<Outcome> send(String service, int requests, int events, Duration pace) {
		return CompletableFuture.supplyAsync(() -> {
			Outcome outcome = new Outcome();
			try {
				for (int request = 0; request < requests; request++) {
					acknowledged(service, request, events, outcome);
					Thread.sleep(pace);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			return outcome;
		}, (task) -> Thread.ofVirtual().start(task));
	}

	private void acknowledged(String service, int number, int events, Outcome outcome) throws InterruptedException {
		StringBuilder body = new StringBuilder("[");
		for (int i = 0; i < events; i++) {
			body.append((i > 0) ? "," : "")
				.append("{\"message\":\"request ")
				.append(number)
				.append(" event ")
				.append(i)
				.append("\",\"service\":\"")
				.append(service)
				.append("\"}");
		}
		HttpRequest request = HttpRequest.newBuilder(this.logs)
			.timeout(ATTEMPT_TIMEOUT)
			.header("Authorization", "Bearer " + this.apiKey)
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", service + "-" + number)
			.POST(HttpRequest.BodyPublishers.ofString(body.append(']').toString()))
			.build();
		while (true) {
			long sent = System.nanoTime();
			String ended;
			try {
				HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
				ended = Integer.toString(response.statusCode());
				if (response.statusCode() == 202) {
					this.codec.mapper()
						.readTree(response.body())
						.path("ids")
						.forEach((id) -> outcome.ids.add(id.asString()));
					outcome.record(ended, System.nanoTime() - sent);
					return;
				}
			}
			catch (IOException ex) {
				ended = ex.getClass().getSimpleName();
			}
			outcome.record(ended, System.nanoTime() - sent);
			Thread.sleep(200);
		}
	}

	/** What one run of requests saw. Written by the run's thread, read after it ended. */
	static final class Outcome {

		private final Set<String> ids = new HashSet<>();

		private final Map<String, Integer> attempts = new TreeMap<>();

		private long maxAnswerNanos;

		private void record(String ended, long nanos) {
			this.attempts.merge(ended, 1, Integer::sum);
			this.maxAnswerNanos = Math.max(this.maxAnswerNanos, nanos);
		}

		/** Every acknowledged id. */
		Set<String> ids() {
			return this.ids;
		}

		/** How the attempts ended: HTTP status or exception, and how often. */
		Map<String, Integer> attempts() {
			return this.attempts;
		}

		/** The longest wait of one attempt for its answer. */
		Duration maxAnswer() {
			return Duration.ofNanos(this.maxAnswerNanos);
		}

	}

}
