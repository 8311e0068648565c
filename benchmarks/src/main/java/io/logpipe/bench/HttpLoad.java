package io.logpipe.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The load generator: HTTP/1.1 POSTs on loopback with a bounded number of requests in
 * flight. Each request runs on its own virtual thread; a semaphore with
 * {@code concurrency} permits is the only back-pressure, so the generator sends as fast
 * as the server answers. Runs are bounded in time and in request count.
 *
 * <p>
 * Optionally paced: with a request interval it sends one request per interval instead
 * (the searchable-latency stage runs at half the sustained rate).
 */
final class HttpLoad {

	private final HttpClient client;

	private final int concurrency;

	HttpLoad(int concurrency) {
		this.concurrency = concurrency;
		this.client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
	}

	/**
	 * Sends requests until {@code duration} has passed or {@code maxRequests} were sent,
	 * then waits for the last answers.
	 * @param interval {@code null} to send as fast as answers come back, else the pause
	 * between two requests
	 * @param onAccepted sees every 2xx response and when its request was sent (nanoTime)
	 */
	Result run(Supplier<HttpRequest> requests, Duration duration, long maxRequests, Duration interval,
			Consumer<Answer> onAccepted) throws InterruptedException {
		Semaphore inFlight = new Semaphore(this.concurrency);
		AtomicLong ok = new AtomicLong();
		AtomicLong failed = new AtomicLong();
		long started = System.nanoTime();
		long deadline = started + duration.toNanos();
		long sent = 0;
		try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
			while (sent < maxRequests && System.nanoTime() < deadline) {
				if (interval != null) {
					long due = started + sent * interval.toNanos();
					long wait = due - System.nanoTime();
					if (wait > 0) {
						Thread.sleep(Duration.ofNanos(wait));
					}
				}
				inFlight.acquire();
				HttpRequest request = requests.get();
				sent++;
				threads.execute(() -> {
					long sentAt = System.nanoTime();
					try {
						HttpResponse<String> response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
						if (response.statusCode() / 100 == 2) {
							ok.incrementAndGet();
							onAccepted.accept(new Answer(sentAt, response.body()));
						}
						else {
							failed.incrementAndGet();
						}
					}
					catch (IOException ex) {
						failed.incrementAndGet();
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
					finally {
						inFlight.release();
					}
				});
			}
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		return new Result(ok.get(), failed.get(), seconds);
	}

	/** A 2xx answer and when its request was sent ({@link System#nanoTime()}). */
	record Answer(long sentAtNanos, String body) {
	}

	/** Requests answered 2xx, requests that failed, and how long the run took. */
	record Result(long ok, long failed, double seconds) {

		double okPerSecond() {
			return this.ok / this.seconds;
		}

	}

}
