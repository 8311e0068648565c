package io.logpipe.ingest.event;

import org.springframework.stereotype.Component;

import io.logpipe.common.codec.EventCodec;
import io.logpipe.ingest.body.IngestLimitsProperties;
import io.logpipe.ingest.problem.ProblemType;
import io.logpipe.service.problem.ProblemException;

/**
 * Reads a decoded request body (JSON object or array, NDJSON, or plain text lines) into
 * raw records. A bad event is rejected with its index and reason and does not cost its
 * good neighbours their place; only a body that cannot be split into events at all (JSON
 * that does not parse) or one with more events than allowed fails as a whole.
 *
 * <p>
 * An event's index is its position in the request, from 0: the array element, or the line
 * among the non-blank lines (blank lines are skipped and not counted).
 *
 * <p>
 * The jobs are done by one class each: {@link BodySplitter} splits the body,
 * {@link EventReader} reads each event straight off the parser into the record's maps,
 * {@link EventLimits} checks each event, {@link RecordMapper} maps it to a record (with
 * {@link CategoryResolver} choosing its category) and {@link EventCollector} gathers the
 * outcome in request order. Thread-safe: one reader serves every request.
 */
@Component
public class EventBatchReader {

	private final IngestLimitsProperties limits;

	private final EventLimits eventLimits;

	private final BodySplitter splitter;

	private final RecordMapper mapper;

	public EventBatchReader(EventCodec codec, IngestLimitsProperties limits, CategoryRouter router) {
		this.limits = limits;
		this.eventLimits = new EventLimits(limits);
		this.splitter = new BodySplitter(codec.mapper(), new EventReader(limits.maxDepth()), this.eventLimits);
		this.mapper = new RecordMapper(new CategoryResolver(router));
	}

	/**
	 * @throws ProblemException {@link ProblemType#MALFORMED_BODY} for a body that holds
	 * no event or cannot be split, {@link ProblemType#TOO_MANY_EVENTS} over the event
	 * limit
	 */
	public EventBatch read(byte[] body, BodyFormat format, RequestContext context) {
		if (body == null || body.length == 0) {
			throw new ProblemException(ProblemType.MALFORMED_BODY, "the body is empty");
		}
		EventCollector events = new EventCollector(this.limits.maxEvents(), this.eventLimits, this.mapper, context);
		this.splitter.split(body, format, events);
		if (events.count() == 0) {
			throw new ProblemException(ProblemType.MALFORMED_BODY, "the body holds no event");
		}
		return events.batch();
	}

}
