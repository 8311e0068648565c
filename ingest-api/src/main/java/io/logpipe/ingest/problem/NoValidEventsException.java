package io.logpipe.ingest.problem;

import java.util.List;

import io.logpipe.ingest.event.Rejection;

/** Every event of a request was rejected; the answer lists each one with its reason. */
public class NoValidEventsException extends IngestException {

	private final List<Rejection> rejected;

	public NoValidEventsException(List<Rejection> rejected) {
		super(ProblemType.NO_VALID_EVENTS, "none of the request's " + rejected.size()
				+ " events was accepted; 'rejected' lists each with its reason");
		this.rejected = List.copyOf(rejected);
	}

	public List<Rejection> rejected() {
		return this.rejected;
	}

}
