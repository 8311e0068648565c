package io.logpipe.bench;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.logpipe.testsupport.ServiceProcess;

/**
 * How the pipeline's rate and cost grow: the same full-rate feed with events spread over
 * more services (one data stream each), and with larger events. Each case first makes
 * sure its data streams exist, so that every trial measures indexing into them, not the
 * one-time creation of a thousand data streams (reported as {@code setup_s}).
 */
final class ScalingStage {

	/** Bytes of one event as sent, in the cases that spread events over services. */
	static final int SMALL_EVENT_BYTES = 200;

	static final int LARGE_EVENT_BYTES = 2048;

	private final BenchMode mode;

	private final MeasuredLoad http;

	private final PipelineFeed feed;

	private final ElasticsearchBench elasticsearch;

	private final String streams;

	/**
	 * @param streams names the stage's data streams ({@link #prefix}); the trials of one
	 * run share it
	 */
	ScalingStage(BenchMode mode, MeasuredLoad http, PipelineFeed feed, ElasticsearchBench elasticsearch,
			String streams) {
		this.mode = mode;
		this.http = http;
		this.feed = feed;
		this.elasticsearch = elasticsearch;
		this.streams = streams;
	}

	/** The prefix of the services, and so of the data streams, of a run's stage. */
	static String prefix(String streams) {
		return "scale" + streams;
	}

	/**
	 * @return the {@code scaling} figures, one map per case
	 */
	Map<String, Object> measure(List<ServiceProcess> pipeline) throws Exception {
		List<Case> cases = new ArrayList<>();
		this.mode.scalingServices()
			.forEach((services) -> cases.add(new Case("services_" + services, services, SMALL_EVENT_BYTES)));
		cases.add(new Case("event_2kb", 1, LARGE_EVENT_BYTES));
		// Every case's data streams stay until the run ends (they are shared by the
		// trials): room for all of them, not only for the largest case's.
		int dataStreams = cases.stream().mapToInt(Case::services).sum();
		Map<String, Object> scaling = new LinkedHashMap<>();
		char tag = 'a';
		try (AutoCloseable room = this.elasticsearch.roomForDataStreams(dataStreams)) {
			for (Case scalingCase : cases) {
				// One letter per case, then 'x': no case's data streams match another's
				// pattern.
				scaling.put(scalingCase.key(), measure(pipeline, scalingCase, prefix(this.streams) + tag++ + "x"));
			}
		}
		return scaling;
	}

	private Map<String, Object> measure(List<ServiceProcess> pipeline, Case scalingCase, String prefix)
			throws Exception {
		int batch = this.mode.scalingBatchSize();
		String target = "logs-" + prefix + "*";
		AtomicLong next = new AtomicLong();
		Supplier<HttpRequest> requests = () -> this.http.post(pipeline.getFirst(), "/api/v1/logs",
				Samples.sizedBatch(prefix, scalingCase.services(), next.getAndAdd(batch), batch, scalingCase.events()));
		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("data_streams", scalingCase.services());
		figures.put("event_bytes", scalingCase.events());
		try {
			Trial.step("scaling: one event for each of " + scalingCase.services() + " services, until " + target
					+ " holds them");
			long setup = System.nanoTime();
			this.feed.events(requests, target, scalingCase.services(), batch);
			figures.put("setup_s", Report.round((System.nanoTime() - setup) / 1e9));
			Trial.step("scaling: " + scalingCase.events() + "-byte events over " + scalingCase.services()
					+ " services at full rate for " + this.mode.scalingDuration().toSeconds() + "s");
			PipelineFeed.Result result = this.feed.atFullRate("scaling_" + scalingCase.key(), pipeline, target,
					requests, batch, this.mode.scalingDuration(), this.mode.maxScalingEvents());
			figures.put("pipeline_eps", Report.round(result.eventsPerSecond()));
			Map<String, Object> cpu = new LinkedHashMap<>();
			result.cpuPerMillion().forEach((name, seconds) -> cpu.put(name, Report.round(seconds)));
			figures.put("cpu_s_per_million", cpu);
		}
		catch (IOException | IllegalStateException ex) {
			// A case that does not drain, or that Elasticsearch refuses (a thousand data
			// streams took a 512 MB heap past its circuit breaker), must not cost the
			// figures of the whole run.
			Trial.step("scaling " + scalingCase.key() + " failed: " + ex.getMessage());
			figures.put("error", ex.getMessage());
		}
		return figures;
	}

	/** A case: its report key, services and event size. */
	private record Case(String key, int services, int events) {
	}

}
