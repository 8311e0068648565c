package io.logpipe.ingest.protocol;

import java.util.List;
import java.util.Map;

import io.logpipe.ingest.event.Rejection;
import io.logpipe.ingest.problem.ProblemType;
import io.logpipe.service.problem.ProblemKind;

/**
 * A failed request, classified once for every protocol to render in its own shape.
 *
 * @param kind what went wrong
 * @param detail for a human
 * @param transientFailure whether the same request may succeed later (Kafka did not
 * acknowledge, ingest is overloaded, the key's rate limit is used up): a protocol answers
 * these with the status its clients retry, and never per item, so that no client drops
 * the part that failed
 * @param headers the headers to answer with: {@code Retry-After} for a transient failure,
 * the key's {@code RateLimit-*}
 * @param rejected the rejected events, when that is why the request failed
 */
public record RequestFailure(ProblemKind kind, String detail, boolean transientFailure, Map<String, String> headers,
		List<Rejection> rejected) {

	/** Whether a request failing this way may succeed when sent again unchanged. */
	public static boolean isTransient(ProblemKind kind) {
		return kind == ProblemType.KAFKA_UNAVAILABLE || kind == ProblemType.OVERLOADED
				|| kind == ProblemType.RATE_LIMITED;
	}

}
