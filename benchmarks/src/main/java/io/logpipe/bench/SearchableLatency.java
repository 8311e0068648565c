package io.logpipe.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.logpipe.testsupport.ServiceProcess;

/**
 * The time from POST to searchable, at half the pipeline's sustained rate: about 20
 * requests a second, the first event of each a probe, and an {@code ids} search every 50
 * ms that records when each probe is first found.
 */
final class SearchableLatency {

	private static final String IDS = "\"ids\":[\"";

	private final BenchMode mode;

	private final MeasuredLoad http;

	private final ElasticsearchBench elasticsearch;

	private final Report report;

	SearchableLatency(BenchMode mode, MeasuredLoad http, ElasticsearchBench elasticsearch, Report report) {
		this.mode = mode;
		this.http = http;
		this.elasticsearch = elasticsearch;
		this.report = report;
	}

	/** Puts {@code searchable_p50_ms}, {@code searchable_p99_ms} and the probe counts. */
	void measure(ServiceProcess ingest, String service, double rate) throws Exception {
		String target = "logs-" + service + "-*";
		int batch = (int) Math.max(1, Math.min(this.mode.batchSize(), Math.round(rate / 20)));
		Duration interval = Duration.ofNanos(Math.round(batch / rate * 1e9));
		Trial.step("searchable latency: " + Math.round(rate) + " events/s (" + batch + " per request) for "
				+ this.mode.latencyDuration().toSeconds() + "s");
		Map<String, Long> pending = new ConcurrentHashMap<>();
		List<Long> latencies = new ArrayList<>();
		AtomicLong next = new AtomicLong();
		Thread poller = Thread.ofVirtual().start(() -> poll(target, pending, latencies));
		this.http.run("searchable_latency", ingest,
				() -> this.http.post(ingest, "/api/v1/logs", Samples.jsonBatch(service, next.getAndAdd(batch), batch)),
				this.mode.latencyDuration(), Long.MAX_VALUE, interval, (answer) -> {
					int start = answer.body().indexOf(IDS);
					if (start >= 0) {
						int from = start + IDS.length();
						pending.put(answer.body().substring(from, answer.body().indexOf('"', from)),
								answer.sentAtNanos());
					}
				});
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (!pending.isEmpty() && System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		poller.interrupt();
		poller.join();
		synchronized (latencies) {
			if (latencies.isEmpty()) {
				throw new IllegalStateException("no probe event became searchable");
			}
			latencies.sort(null);
			this.report.put("searchable_p50_ms", Report.percentile(latencies, 0.50));
			this.report.put("searchable_p99_ms", Report.percentile(latencies, 0.99));
			this.report.put("searchable_probes", latencies.size());
			this.report.put("searchable_probes_missing", pending.size());
		}
	}

	private void poll(String target, Map<String, Long> pending, List<Long> latencies) {
		while (!Thread.currentThread().isInterrupted()) {
			try {
				List<String> ids = pending.keySet().stream().limit(1000).toList();
				if (!ids.isEmpty()) {
					Set<String> found = this.elasticsearch.searchable(target, ids);
					long now = System.nanoTime();
					for (String id : found) {
						Long sentAt = pending.remove(id);
						if (sentAt != null) {
							synchronized (latencies) {
								latencies.add((now - sentAt) / 1_000_000);
							}
						}
					}
				}
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				return;
			}
			catch (Exception ex) {
				// the data stream may not exist yet; ask again
			}
		}
	}

}
