package io.logpipe.ingest.problem;

/**
 * A request went over one of ingest's configured limits; the answer names the limit and
 * its value so that a client can split its batches accordingly.
 */
public class LimitExceededException extends IngestException {

	private final String limit;

	private final String value;

	/**
	 * @param type the problem type
	 * @param limit the configuration property of the limit, e.g.
	 * {@code ingest.limits.max-body-size}
	 * @param value the limit's configured value, e.g. {@code 10MB}
	 * @param detail what went over it, for a human
	 */
	public LimitExceededException(ProblemType type, String limit, String value, String detail) {
		super(type, detail);
		this.limit = limit;
		this.value = value;
	}

	public String limit() {
		return this.limit;
	}

	public String value() {
		return this.value;
	}

}
