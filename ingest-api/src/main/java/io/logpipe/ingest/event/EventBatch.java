package io.logpipe.ingest.event;

import java.util.List;

import io.logpipe.common.event.RawLogRecord;
import io.logpipe.ingest.problem.ProblemType;
import io.logpipe.service.problem.ProblemException;

/**
 * A request's events after validation: the records to publish, in request order, and the
 * rejected events with their reasons.
 */
public record EventBatch(List<RawLogRecord> accepted, List<Rejection> rejected) {

	/** The problem member that lists every rejected event of a request. */
	public static final String REJECTED = "rejected";

	/**
	 * The records to publish.
	 * @throws ProblemException {@link ProblemType#NO_VALID_EVENTS}, listing each rejected
	 * event in {@value #REJECTED}, when none was accepted
	 */
	public List<RawLogRecord> requireAccepted() {
		if (this.accepted.isEmpty()) {
			throw new ProblemException(ProblemType.NO_VALID_EVENTS, "none of the request's " + this.rejected.size()
					+ " events was accepted; '" + REJECTED + "' lists each with its reason")
				.withMember(REJECTED, List.copyOf(this.rejected));
		}
		return this.accepted;
	}

	/** The rejected events a problem lists, if it is a {@link #requireAccepted} one. */
	public static List<Rejection> rejectedOf(ProblemException problem) {
		if (problem.members().get(REJECTED) instanceof List<?> rejected) {
			return rejected.stream().filter(Rejection.class::isInstance).map(Rejection.class::cast).toList();
		}
		return List.of();
	}

}
