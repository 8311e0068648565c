package io.logpipe.service.problem;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * A failure that a logpipe service answers with the RFC 9457 problem details of its
 * {@link ProblemKind}: the kind gives {@code type}, {@code title} and status, the message
 * is the {@code detail}, and the exception carries the extra members and headers of this
 * occurrence (a rejected event list, the limit that was passed, {@code Retry-After}).
 * {@link ProblemResponses} turns it into the answer.
 *
 * <p>
 * Members and headers are added where the failure is found, by the thread that throws it,
 * before it is thrown.
 */
public class ProblemException extends RuntimeException {

	private final ProblemKind kind;

	private final Map<String, Object> members = new LinkedHashMap<>();

	private final Map<String, String> headers = new LinkedHashMap<>();

	public ProblemException(ProblemKind kind, String detail) {
		this(kind, detail, null);
	}

	public ProblemException(ProblemKind kind, String detail, Throwable cause) {
		super(detail, cause);
		this.kind = kind;
	}

	public ProblemKind kind() {
		return this.kind;
	}

	public HttpStatus status() {
		return this.kind.status();
	}

	/** What happened this time, for a human: the problem's {@code detail}. */
	public String detail() {
		return getMessage();
	}

	/** Adds a member to the problem details, after the standard ones. */
	public ProblemException withMember(String name, Object value) {
		this.members.put(name, value);
		return this;
	}

	/** Adds a header to the answer. */
	public ProblemException withHeader(String name, String value) {
		this.headers.put(name, value);
		return this;
	}

	/** Adds every header of {@code headers} to the answer, in their order. */
	public ProblemException withHeaders(Map<String, String> headers) {
		this.headers.putAll(headers);
		return this;
	}

	/** Tells the client when to try again: {@code Retry-After} in whole seconds. */
	public ProblemException withRetryAfter(long seconds) {
		return withHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
	}

	/** The extra members, in the order they were added. */
	public Map<String, Object> members() {
		return Collections.unmodifiableMap(this.members);
	}

	/** The headers of the answer, in the order they were added. */
	public Map<String, String> headers() {
		return Collections.unmodifiableMap(this.headers);
	}

}
