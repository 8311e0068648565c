package io.logpipe.ingest.protocol;

import java.util.List;
import java.util.Map;

import io.logpipe.ingest.event.Rejection;
import io.logpipe.ingest.problem.ProblemType;

/**
 * A failed request, classified once for every protocol to render in its own shape.
 *
 * @param type what went wrong
 * @param detail for a human
 * @param transientFailure whether the same request may succeed later (Kafka did not
 * acknowledge, ingest is overloaded, the key's rate limit is used up): a protocol answers
 * these with the status its clients retry, and never per item, so that no client drops
 * the part that failed
 * @param retryAfterSeconds what {@code Retry-After} says, 0 when it is not sent
 * @param headers further headers to answer with (the key's {@code RateLimit-*})
 * @param rejected the rejected events, when that is why the request failed
 * @param limit for a limit that was exceeded, the property and its value (else
 * {@code null}s)
 */
public record RequestFailure(ProblemType type, String detail, boolean transientFailure, long retryAfterSeconds,
		Map<String, String> headers, List<Rejection> rejected, String limit, String limitValue) {

	/** Whether a request failing this way may succeed when sent again unchanged. */
	public static boolean isTransient(ProblemType type) {
		return type == ProblemType.KAFKA_UNAVAILABLE || type == ProblemType.OVERLOADED
				|| type == ProblemType.RATE_LIMITED;
	}

}
