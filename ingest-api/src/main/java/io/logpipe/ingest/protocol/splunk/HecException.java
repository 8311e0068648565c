package io.logpipe.ingest.protocol.splunk;

import io.logpipe.ingest.problem.ProblemType;
import io.logpipe.service.problem.ProblemException;

/**
 * A request HEC itself refuses, with the HEC status code its clients know (the body is
 * {@code {"text","code"}}, plus {@code invalid-event-number} for a bad event).
 */
class HecException extends ProblemException {

	private final HecStatus status;

	private final int invalidEventNumber;

	HecException(HecStatus status, String detail) {
		this(status, -1, detail);
	}

	/**
	 * @param invalidEventNumber the bad event's position from 0, or -1
	 */
	HecException(HecStatus status, int invalidEventNumber, String detail) {
		super((invalidEventNumber >= 0) ? ProblemType.INVALID_EVENT : ProblemType.MALFORMED_BODY, detail);
		this.status = status;
		this.invalidEventNumber = invalidEventNumber;
	}

	HecStatus hecStatus() {
		return this.status;
	}

	int invalidEventNumber() {
		return this.invalidEventNumber;
	}

}
