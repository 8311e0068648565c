package io.logpipe.ingest.protocol;

import io.logpipe.ingest.problem.ProblemType;

/**
 * One item of a protocol request as its controller parsed it: an event to map and
 * publish, or an item the protocol itself rejects for good (an Elasticsearch
 * {@code delete} action, say). Items keep the request's order.
 */
public sealed interface ProtocolItem permits ProtocolEvent, ProtocolItem.Invalid {

	/** An item rejected by the protocol's own rules; its neighbours go on. */
	static Invalid invalid(ProblemType type, String detail) {
		return new Invalid(type, detail);
	}

	/**
	 * @param type the problem type (a permanent, per-event one such as
	 * {@link ProblemType#INVALID_EVENT})
	 * @param detail what is wrong, for a human
	 */
	record Invalid(ProblemType type, String detail) implements ProtocolItem {
	}

}
