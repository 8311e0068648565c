package io.logpipe.ingest.event;

import io.logpipe.ingest.body.IngestLimitsProperties;
import io.logpipe.ingest.problem.ProblemType;
import io.logpipe.service.problem.ProblemException;

/**
 * The per-event limits of {@code ingest.limits}: size, field count and depth. An event
 * over one is rejected alone; the detail names the limit and its value.
 */
final class EventLimits {

	private final IngestLimitsProperties limits;

	EventLimits(IngestLimitsProperties limits) {
		this.limits = limits;
	}

	/**
	 * @throws ProblemException {@link ProblemType#EVENT_TOO_LARGE}
	 */
	void checkSize(long size) {
		if (size > this.limits.maxEventSize().toBytes()) {
			throw new ProblemException(ProblemType.EVENT_TOO_LARGE, "the event is " + size + " bytes, more than "
					+ IngestLimitsProperties.PREFIX + "max-event-size (" + this.limits.maxEventSize() + ")");
		}
	}

	/**
	 * @throws ProblemException {@link ProblemType#EVENT_TOO_LARGE},
	 * {@link ProblemType#EVENT_TOO_COMPLEX}
	 */
	void check(ParsedEvent event, long size) {
		checkSize(size);
		// The parser already bounds the depth (Jackson's StreamReadConstraints); the
		// reader counted what this bounds an event to while it read it.
		if (event.tooDeep()) {
			throw new ProblemException(ProblemType.EVENT_TOO_COMPLEX, "the event is nested deeper than "
					+ IngestLimitsProperties.PREFIX + "max-depth (" + this.limits.maxDepth() + ")");
		}
		if (event.fields() > this.limits.maxFieldsPerEvent()) {
			throw new ProblemException(ProblemType.EVENT_TOO_COMPLEX,
					"the event has " + event.fields() + " fields, more than " + IngestLimitsProperties.PREFIX
							+ "max-fields-per-event (" + this.limits.maxFieldsPerEvent() + ")");
		}
	}

}
