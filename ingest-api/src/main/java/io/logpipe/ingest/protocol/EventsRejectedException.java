package io.logpipe.ingest.protocol;

import java.util.List;

import io.logpipe.ingest.event.Rejection;
import io.logpipe.ingest.problem.IngestException;
import io.logpipe.ingest.problem.ProblemType;

/**
 * Some events of a {@link RejectionPolicy#WHOLE_REQUEST} protocol request were rejected,
 * so none was published.
 */
public class EventsRejectedException extends IngestException {

	private final List<Rejection> rejected;

	EventsRejectedException(List<Rejection> rejected, int events) {
		super(ProblemType.INVALID_EVENT,
				rejected.size() + " of the request's " + events
						+ " events were rejected, so none was accepted; the first, at index "
						+ rejected.getFirst().index() + ": " + rejected.getFirst().detail());
		this.rejected = List.copyOf(rejected);
	}

	public List<Rejection> rejected() {
		return this.rejected;
	}

}
