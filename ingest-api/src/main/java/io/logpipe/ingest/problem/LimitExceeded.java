package io.logpipe.ingest.problem;

import io.logpipe.service.problem.ProblemException;

/**
 * A request went over one of ingest's configured limits: the answer names the limit and
 * its value ({@code limit}, {@code limitValue}) so that a client can split its batches
 * accordingly.
 */
public final class LimitExceeded {

	private LimitExceeded() {
	}

	/**
	 * @param type the problem type
	 * @param limit the configuration property of the limit, e.g.
	 * {@code ingest.limits.max-body-size}
	 * @param value the limit's configured value, e.g. {@code 10MB}
	 * @param detail what went over it, for a human
	 */
	public static ProblemException problem(ProblemType type, String limit, String value, String detail) {
		return new ProblemException(type, detail).withMember("limit", limit).withMember("limitValue", value);
	}

}
