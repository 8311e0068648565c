package io.logpipe.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.logpipe.testsupport.ServiceProcess;

/**
 * The read side's latencies, as a user sees them: the search API over the run's
 * documents, and the time from POSTing an event to ingest-api until it arrives on an open
 * live tail of indexer-service.
 */
final class ReadBench {

	/**
	 * How long the next probe waits for the previous one: a late probe is then still
	 * watched for, so this bounds the run's length, not the latency it reports.
	 */
	private static final Duration PROBE_WAIT = Duration.ofSeconds(20);

	/** How long after the last probe the ones not yet seen may still arrive. */
	private static final Duration LATE_WAIT = Duration.ofSeconds(60);

	private static final String READY = "event:ready";

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String apiKey;

	ReadBench(String apiKey) {
		this.apiKey = apiKey;
	}

	/**
	 * Milliseconds of each of consecutive searches ({@code query}, the last 15 minutes,
	 * newest 100) during {@code duration}, sorted.
	 */
	List<Long> searchLatencies(ServiceProcess indexer, String query, Duration duration) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(indexer.uri("/api/v1/search?from=15m&size=100&q=" + query))
			.header("Authorization", "Bearer " + this.apiKey)
			.timeout(Duration.ofSeconds(30))
			.build();
		List<Long> latencies = new ArrayList<>();
		long end = System.nanoTime() + duration.toNanos();
		while (System.nanoTime() < end || latencies.isEmpty()) {
			long sent = System.nanoTime();
			HttpResponse<String> answer = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			long took = (System.nanoTime() - sent) / 1_000_000;
			if (answer.statusCode() != 200 || !answer.body().contains("\"documents\":[{")) {
				throw new IllegalStateException("search answered " + answer.statusCode() + ": " + answer.body());
			}
			latencies.add(took);
		}
		latencies.sort(null);
		return latencies;
	}

	/**
	 * The live tail's probes: milliseconds from sending each of {@code count} events, one
	 * at a time, to ingest-api until it arrived on a live tail of {@code service}
	 * (sorted, late ones included), and how many were late or never arrived.
	 */
	record TailProbes(List<Long> latencies, int late, int missing) {
	}

	/**
	 * Sends each probe once the previous one arrived, or after {@link #PROBE_WAIT}; a
	 * late probe is still watched for and its real latency counted, so a slow pipeline
	 * shows in the percentiles instead of as a loss. What has not arrived
	 * {@link #LATE_WAIT} after the last probe is missing.
	 */
	TailProbes tailLatencies(ServiceProcess ingest, ServiceProcess indexer, String service, int count)
			throws Exception {
		HttpRequest open = HttpRequest.newBuilder(indexer.uri("/api/v1/tail?service=" + service))
			.header("Authorization", "Bearer " + this.apiKey)
			.header("Accept", "text/event-stream")
			.build();
		HttpResponse<InputStream> tail = this.http.send(open, HttpResponse.BodyHandlers.ofInputStream());
		if (tail.statusCode() != 200) {
			throw new IllegalStateException("the tail answered " + tail.statusCode());
		}
		ProbeArrivals arrivals = new ProbeArrivals();
		Thread reader = Thread.ofVirtual().start(() -> read(tail.body(), arrivals));
		try {
			if (!arrivals.await(READY, PROBE_WAIT)) {
				throw new IllegalStateException("the tail did not say ready within " + PROBE_WAIT);
			}
			Map<String, Long> sentAt = new LinkedHashMap<>();
			int late = 0;
			for (int i = 0; i < count; i++) {
				String marker = probeMarker(i);
				sentAt.put(marker, System.nanoTime());
				HttpResponse<String> accepted = this.http.send(post(ingest, service, marker),
						HttpResponse.BodyHandlers.ofString());
				if (accepted.statusCode() != 202) {
					throw new IllegalStateException(
							"ingest answered " + accepted.statusCode() + ": " + accepted.body());
				}
				if (!arrivals.await(marker, PROBE_WAIT)) {
					late++;
				}
			}
			arrivals.awaitAll(sentAt.keySet(), LATE_WAIT);
			List<Long> latencies = new ArrayList<>();
			sentAt.forEach((marker, sent) -> {
				Long arrived = arrivals.at(marker);
				if (arrived != null) {
					latencies.add((arrived - sent) / 1_000_000);
				}
			});
			int missing = count - latencies.size();
			if (late > 0 || missing > 0) {
				System.out.printf("tail: %d of %d probes arrived after %s, %d never arrived%n", late - missing, count,
						PROBE_WAIT, missing);
			}
			if (latencies.isEmpty()) {
				throw new IllegalStateException("no tail probe arrived");
			}
			latencies.sort(null);
			return new TailProbes(latencies, late - missing, missing);
		}
		finally {
			tail.body().close();
			reader.interrupt();
		}
	}

	/**
	 * A unique word for probe {@code index}, made of letters after the index: a long run
	 * of digits (a nanosecond clock, as it once was) passes the Luhn check one time in
	 * ten, and the parser then redacts it as a card number, so the probe's text never
	 * arrives.
	 */
	static String probeMarker(int index) {
		StringBuilder marker = new StringBuilder("tailprobe").append(index).append('x');
		ThreadLocalRandom random = ThreadLocalRandom.current();
		for (int i = 0; i < 16; i++) {
			marker.append((char) ('a' + random.nextInt(26)));
		}
		return marker.toString();
	}

	private HttpRequest post(ServiceProcess ingest, String service, String marker) {
		return HttpRequest.newBuilder(ingest.uri("/api/v1/logs"))
			.header("Authorization", "Bearer " + this.apiKey)
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers
				.ofString("{\"message\":\"" + marker + "\",\"level\":\"info\",\"service\":\"" + service + "\"}"))
			.build();
	}

	/** Notes the arrival time of every tail line that names a probe (or says ready). */
	private static void read(InputStream body, ProbeArrivals arrivals) {
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				arrivals.seen(line, System.nanoTime());
			}
		}
		catch (IOException ex) {
			// the tail was closed
		}
	}

	/** When each probe marker (and the ready event) was first seen on the tail. */
	private static final class ProbeArrivals {

		private static final Pattern PROBE = Pattern.compile("tailprobe\\d+x[a-z]+");

		private final Map<String, Long> arrivedAt = new ConcurrentHashMap<>();

		synchronized void seen(String line, long nanos) {
			Matcher probe = PROBE.matcher(line);
			String marker = probe.find() ? probe.group() : (line.startsWith(READY) ? READY : null);
			if (marker != null) {
				this.arrivedAt.putIfAbsent(marker, nanos);
				notifyAll();
			}
		}

		Long at(String marker) {
			return this.arrivedAt.get(marker);
		}

		boolean await(String marker, Duration timeout) throws InterruptedException {
			return awaitAll(List.of(marker), timeout);
		}

		synchronized boolean awaitAll(Collection<String> markers, Duration timeout) throws InterruptedException {
			long end = System.nanoTime() + timeout.toNanos();
			while (!this.arrivedAt.keySet().containsAll(markers)) {
				long left = end - System.nanoTime();
				if (left <= 0) {
					return false;
				}
				TimeUnit.NANOSECONDS.timedWait(this, left);
			}
			return true;
		}

	}

}
