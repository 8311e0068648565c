package io.logpipe.ingest.problem;

/** A failure that ingest answers with the problem details of its {@link ProblemType}. */
public class IngestException extends RuntimeException {

	private final ProblemType type;

	public IngestException(ProblemType type, String detail) {
		super(detail);
		this.type = type;
	}

	public IngestException(ProblemType type, String detail, Throwable cause) {
		super(detail, cause);
		this.type = type;
	}

	public ProblemType type() {
		return this.type;
	}

}
