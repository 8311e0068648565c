package io.logpipe.ingest.event;

import java.util.ArrayDeque;
import java.util.Deque;

import io.logpipe.ingest.body.IngestLimitsProperties;
import io.logpipe.ingest.problem.ProblemType;
import io.logpipe.service.problem.ProblemException;
import tools.jackson.databind.JsonNode;

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
	void check(JsonNode event, long size) {
		checkSize(size);
		// Iterative walk: the parser already bounds the depth (Jackson's
		// StreamReadConstraints), this bounds what an event may carry on.
		int fields = 0;
		Deque<JsonNode> nodes = new ArrayDeque<>();
		Deque<Integer> depths = new ArrayDeque<>();
		nodes.push(event);
		depths.push(1);
		while (!nodes.isEmpty()) {
			JsonNode node = nodes.pop();
			int depth = depths.pop();
			if (node.isObject() || node.isArray()) {
				if (depth > this.limits.maxDepth()) {
					throw new ProblemException(ProblemType.EVENT_TOO_COMPLEX, "the event is nested deeper than "
							+ IngestLimitsProperties.PREFIX + "max-depth (" + this.limits.maxDepth() + ")");
				}
				if (node.isObject()) {
					fields += node.size();
				}
				for (JsonNode child : node) {
					nodes.push(child);
					depths.push(depth + 1);
				}
			}
		}
		if (fields > this.limits.maxFieldsPerEvent()) {
			throw new ProblemException(ProblemType.EVENT_TOO_COMPLEX, "the event has " + fields + " fields, more than "
					+ IngestLimitsProperties.PREFIX + "max-fields-per-event (" + this.limits.maxFieldsPerEvent() + ")");
		}
	}

}
