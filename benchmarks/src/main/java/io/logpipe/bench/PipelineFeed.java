package io.logpipe.bench;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.logpipe.testsupport.ServiceProcess;

/**
 * Feeds the whole pipeline through ingest-api and waits for the events in Elasticsearch:
 * the rate from the first request to the last event searchable, and each service's CPU
 * per million events.
 */
final class PipelineFeed {

	private final MeasuredLoad http;

	private final ElasticsearchBench elasticsearch;

	private final Duration drainTimeout;

	PipelineFeed(MeasuredLoad http, ElasticsearchBench elasticsearch, Duration drainTimeout) {
		this.http = http;
		this.elasticsearch = elasticsearch;
		this.drainTimeout = drainTimeout;
	}

	/**
	 * Feeds ingest-api ({@code pipeline}'s first service) at full rate, waits until every
	 * accepted event is counted in {@code target}, and returns the rate from the first
	 * request to the last event searchable, with the CPU each service of {@code pipeline}
	 * used per million events.
	 */
	Result atFullRate(String stage, List<ServiceProcess> pipeline, String target, Supplier<HttpRequest> requests,
			int batch, Duration duration, long maxEvents) throws Exception {
		double[] cpuBefore = new double[pipeline.size()];
		for (int i = 0; i < pipeline.size(); i++) {
			cpuBefore[i] = pipeline.get(i).cpuSeconds();
		}
		long before = this.elasticsearch.count(target);
		long started = System.nanoTime();
		HttpLoad.Result sent = this.http.run(stage, pipeline.getFirst(), requests, duration, maxEvents / batch, null);
		long events = sent.ok() * batch;
		awaitCount(target, before + events, stage);
		double seconds = (System.nanoTime() - started) / 1e9;
		Map<String, Double> cpu = new LinkedHashMap<>();
		for (int i = 0; i < pipeline.size(); i++) {
			cpu.put(pipeline.get(i).name(), (pipeline.get(i).cpuSeconds() - cpuBefore[i]) / events * 1_000_000);
		}
		return new Result(events / seconds, cpu);
	}

	/**
	 * Sends the first {@code events} of {@code requests} and waits until {@code target}
	 * counts them too.
	 */
	void events(Supplier<HttpRequest> requests, String target, int events, int batch)
			throws IOException, InterruptedException {
		long before = this.elasticsearch.count(target);
		long requestsNeeded = (events + batch - 1) / batch;
		HttpLoad.Result sent = this.http.unmeasured(requests, this.drainTimeout, requestsNeeded);
		if (sent.failed() > 0) {
			throw new IllegalStateException(sent.failed() + " of " + requestsNeeded + " requests failed");
		}
		awaitCount(target, before + requestsNeeded * batch, "setup");
	}

	/** Waits until {@code target} counts {@code expected} documents. */
	private void awaitCount(String target, long expected, String stage) throws IOException, InterruptedException {
		long deadline = System.nanoTime() + this.drainTimeout.toNanos();
		while (this.elasticsearch.count(target) < expected) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("only " + this.elasticsearch.count(target) + " of " + expected + " "
						+ stage + " events searchable in " + target + " after " + this.drainTimeout);
			}
			Thread.sleep(100);
		}
	}

	/**
	 * A full-rate feed's rate to searchable and each service's CPU per million events.
	 */
	record Result(double eventsPerSecond, Map<String, Double> cpuPerMillion) {
	}

}
