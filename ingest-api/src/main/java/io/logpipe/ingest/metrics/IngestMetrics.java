package io.logpipe.ingest.metrics;

import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerMapping;

import io.logpipe.ingest.admission.InFlightBytes;
import io.logpipe.ingest.event.Rejection;
import io.logpipe.ingest.protocol.Protocol;
import io.logpipe.service.problem.ProblemKind;

/**
 * What operators see of ingest (Micrometer, exported at {@code /actuator/prometheus}):
 * requests by protocol, endpoint and outcome, events accepted and rejected by protocol
 * (and reason), bytes in, the Kafka produce latency, the bytes in flight and the requests
 * turned away by a limit. A drop that nobody can see is the complaint this answers.
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

	/** The endpoint tag of a request that matched no mapping. */
	static final String UNMATCHED_ENDPOINT = "unmatched";

	/**
	 * The endpoint tag of a request: its mapping's path pattern. Never the path itself: a
	 * client could make a new time series with every path it sends (issue #12).
	 */
	public static String endpoint(HttpServletRequest request) {
		Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		return (pattern != null) ? pattern.toString() : UNMATCHED_ENDPOINT;
	}

	/**
	 * A request answered 2xx with {@code accepted} events and some rejections.
	 * @param protocol what the request spoke
	 * @param endpoint its path pattern
	 */
	public void accepted(Protocol protocol, String endpoint, int accepted, List<Rejection> rejected) {
		request(protocol, endpoint, "accepted");
		Counter.builder(PREFIX + "events.accepted")
			.description("Events Kafka acknowledged, by protocol")
			.tag("protocol", protocol.wireName())
			.register(this.registry)
			.increment(accepted);
		rejected(protocol, rejected);
	}

	/** A request answered with a problem. */
	public void failed(Protocol protocol, String endpoint, ProblemKind type, List<Rejection> rejected) {
		request(protocol, endpoint, type.slug());
		rejected(protocol, rejected);
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

	private void request(Protocol protocol, String endpoint, String outcome) {
		Counter.builder(PREFIX + "requests")
			.description("Ingest requests by protocol, endpoint and outcome (accepted, or the problem type)")
			.tag("protocol", protocol.wireName())
			.tag("endpoint", endpoint)
			.tag("outcome", outcome)
			.register(this.registry)
			.increment();
	}

	private void rejected(Protocol protocol, List<Rejection> rejected) {
		for (Rejection rejection : rejected) {
			Counter.builder(PREFIX + "events.rejected")
				.description("Events not accepted, by protocol and reason (the problem type)")
				.tag("protocol", protocol.wireName())
				.tag("reason", rejection.reason())
				.register(this.registry)
				.increment();
		}
	}

}
