package io.logpipe.ingest.protocol;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;

import io.logpipe.ingest.auth.UnauthenticatedException;
import io.logpipe.ingest.event.Rejection;
import io.logpipe.ingest.kafka.IngestKafkaProperties;
import io.logpipe.ingest.metrics.IngestMetrics;
import io.logpipe.ingest.problem.IngestException;
import io.logpipe.ingest.problem.LimitExceededException;
import io.logpipe.ingest.problem.NoValidEventsException;
import io.logpipe.ingest.problem.ProblemType;
import io.logpipe.ingest.problem.TooManyRequestsException;

/**
 * Turns what a request failed with into a {@link RequestFailure} and counts it by
 * protocol, so that every protocol's error handler only renders.
 */
@Component
public class Failures {

	private final IngestKafkaProperties kafka;

	private final IngestMetrics metrics;

	public Failures(IngestKafkaProperties kafka, IngestMetrics metrics) {
		this.kafka = kafka;
		this.metrics = metrics;
	}

	/** Classifies and counts a failure of ingest's own. */
	public RequestFailure of(Protocol protocol, HttpServletRequest request, IngestException ex) {
		List<Rejection> rejected = List.of();
		if (ex instanceof NoValidEventsException noValidEvents) {
			rejected = noValidEvents.rejected();
		}
		if (ex instanceof EventsRejectedException eventsRejected) {
			rejected = eventsRejected.rejected();
		}
		long retryAfter = 0;
		Map<String, String> headers = Map.of();
		if (ex instanceof TooManyRequestsException tooMany) {
			retryAfter = tooMany.retryAfterSeconds();
			headers = tooMany.headers();
		}
		if (ex.type() == ProblemType.KAFKA_UNAVAILABLE) {
			retryAfter = Math.max(1, this.kafka.retryAfter().toSeconds());
		}
		String limit = null;
		String limitValue = null;
		if (ex instanceof LimitExceededException limitExceeded) {
			limit = limitExceeded.limit();
			limitValue = limitExceeded.value();
		}
		this.metrics.failed(protocol, IngestMetrics.endpoint(request), ex.type(), rejected);
		return new RequestFailure(ex.type(), ex.getMessage(), RequestFailure.isTransient(ex.type()), retryAfter,
				headers, rejected, limit, limitValue);
	}

	/** Counts a request without a valid key. */
	public void unauthenticated(Protocol protocol, HttpServletRequest request) {
		this.metrics.failed(protocol, IngestMetrics.endpoint(request), ProblemType.UNAUTHENTICATED, List.of());
	}

}
