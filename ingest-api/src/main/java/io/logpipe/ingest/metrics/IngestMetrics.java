package io.logpipe.ingest.metrics;

import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

import io.logpipe.ingest.admission.InFlightBytes;
import io.logpipe.ingest.event.Rejection;
import io.logpipe.service.problem.ProblemKind;

/**
 * What operators see of ingest (Micrometer, exported at {@code /actuator/prometheus}):
 * requests by endpoint and outcome, events accepted and rejected by reason, bytes in, the
 * Kafka produce latency, the bytes in flight and the requests turned away by a limit. A
 * drop that nobody can see is the complaint this answers.
 */
@Component
public class IngestMetrics {

	public static final String LOGS_ENDPOINT = "/api/v1/logs";

	private static final String PREFIX = "logpipe.ingest.";

	private final MeterRegistry registry;

	private final Timer.Builder produce = Timer.builder(PREFIX + "kafka.produce")
		.description("Time from handing a request's events to Kafka until all were acknowledged, or it gave up")
		.publishPercentileHistogram();

	public IngestMetrics(MeterRegistry registry, InFlightBytes inFlight) {
		this.registry = registry;
		Gauge.builder(PREFIX + "inflight.bytes", inFlight, InFlightBytes::held)
			.description("Request bytes held by the requests being handled")
			.baseUnit("bytes")
			.register(registry);
	}

	/** A request answered 2xx with {@code accepted} events and some rejections. */
	public void accepted(int accepted, List<Rejection> rejected) {
		request("accepted");
		Counter.builder(PREFIX + "events.accepted")
			.description("Events Kafka acknowledged")
			.register(this.registry)
			.increment(accepted);
		rejected(rejected);
	}

	/** A request answered with a problem. */
	public void failed(ProblemKind type, List<Rejection> rejected) {
		request(type.slug());
		rejected(rejected);
		if (type.status().value() == 429) {
			Counter.builder(PREFIX + "requests.limited")
				.description("Requests turned away by a rate limit or the in-flight byte limit")
				.tag("reason", type.slug())
				.register(this.registry)
				.increment();
		}
	}

	/** Request body bytes as they came over the wire. */
	public void bytesIn(long bytes) {
		Counter.builder(PREFIX + "bytes.in")
			.description("Request body bytes received, before decoding")
			.baseUnit("bytes")
			.register(this.registry)
			.increment(bytes);
	}

	/** Starts timing a hand-over to Kafka. */
	public Timer.Sample startProduce() {
		return Timer.start(this.registry);
	}

	/** Stops timing a hand-over to Kafka; {@code acknowledged} tells how it ended. */
	public void stopProduce(Timer.Sample sample, boolean acknowledged) {
		sample.stop(this.produce.tag("outcome", acknowledged ? "acknowledged" : "failed").register(this.registry));
	}

	private void request(String outcome) {
		Counter.builder(PREFIX + "requests")
			.description("Ingest requests by endpoint and outcome (accepted, or the problem type)")
			.tag("endpoint", LOGS_ENDPOINT)
			.tag("outcome", outcome)
			.register(this.registry)
			.increment();
	}

	private void rejected(List<Rejection> rejected) {
		for (Rejection rejection : rejected) {
			Counter.builder(PREFIX + "events.rejected")
				.description("Events not accepted, by reason (the problem type)")
				.tag("reason", rejection.reason())
				.register(this.registry)
				.increment();
		}
	}

}
