package io.logpipe.ingest.problem;

import java.util.Map;

/**
 * The request was turned away before its body was read: the key's rate limit, or ingest's
 * in-flight byte limit. The answer carries {@code Retry-After} and, for a rate limit, the
 * {@code RateLimit-*} headers.
 */
public class TooManyRequestsException extends IngestException {

	private final long retryAfterSeconds;

	private final Map<String, String> headers;

	public TooManyRequestsException(ProblemType type, String detail, long retryAfterSeconds,
			Map<String, String> headers) {
		super(type, detail);
		this.retryAfterSeconds = retryAfterSeconds;
		this.headers = Map.copyOf(headers);
	}

	public long retryAfterSeconds() {
		return this.retryAfterSeconds;
	}

	/** Headers to add to the answer besides {@code Retry-After}. */
	public Map<String, String> headers() {
		return this.headers;
	}

}
