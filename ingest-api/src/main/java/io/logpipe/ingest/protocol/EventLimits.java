package io.logpipe.ingest.protocol;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import io.logpipe.ingest.body.IngestLimitsProperties;
import io.logpipe.ingest.problem.ProblemType;
import io.logpipe.service.problem.ProblemException;

/**
 * {@code ingest.limits} for one mapped protocol event: its size, and the fields and depth
 * of its (already parsed) field tree. The walk is iterative, so a deep tree costs no
 * stack.
 */
final class EventLimits {

	private final IngestLimitsProperties limits;

	EventLimits(IngestLimitsProperties limits) {
		this.limits = limits;
	}

	/**
	 * @throws ProblemException {@link ProblemType#EVENT_TOO_LARGE} or
	 * {@link ProblemType#EVENT_TOO_COMPLEX}
	 */
	void check(ProtocolEvent event) {
		if (event.size() > this.limits.maxEventSize().toBytes()) {
			throw new ProblemException(ProblemType.EVENT_TOO_LARGE,
					"the event is " + event.size() + " bytes, more than " + IngestLimitsProperties.PREFIX
							+ "max-event-size (" + this.limits.maxEventSize() + ")");
		}
		int fields = 0;
		Deque<Object> nodes = new ArrayDeque<>();
		Deque<Integer> depths = new ArrayDeque<>();
		nodes.push(event.fields());
		depths.push(1);
		while (!nodes.isEmpty()) {
			Object node = nodes.pop();
			int depth = depths.pop();
			Iterable<?> children = (node instanceof Map<?, ?> map) ? map.values()
					: (node instanceof List<?> list) ? list : null;
			if (children == null) {
				continue;
			}
			if (depth > this.limits.maxDepth()) {
				throw new ProblemException(ProblemType.EVENT_TOO_COMPLEX, "the event is nested deeper than "
						+ IngestLimitsProperties.PREFIX + "max-depth (" + this.limits.maxDepth() + ")");
			}
			if (node instanceof Map<?, ?> map) {
				fields += map.size();
			}
			for (Object child : children) {
				nodes.push(child);
				depths.push(depth + 1);
			}
		}
		if (fields > this.limits.maxFieldsPerEvent()) {
			throw new ProblemException(ProblemType.EVENT_TOO_COMPLEX, "the event has " + fields + " fields, more than "
					+ IngestLimitsProperties.PREFIX + "max-fields-per-event (" + this.limits.maxFieldsPerEvent() + ")");
		}
	}

}
