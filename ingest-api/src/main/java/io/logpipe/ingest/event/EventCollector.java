package io.logpipe.ingest.event;

import java.util.ArrayList;
import java.util.List;

import io.logpipe.common.event.RawLogRecord;
import io.logpipe.ingest.body.IngestLimitsProperties;
import io.logpipe.ingest.problem.LimitExceeded;
import io.logpipe.ingest.problem.ProblemType;
import io.logpipe.service.problem.ProblemException;

/**
 * The events of one request as they are split off, numbered in request order and counted
 * against {@code ingest.limits.max-events}: each becomes a record or a rejection. One per
 * request, so not thread-safe.
 */
final class EventCollector implements BodySplitter.Events {

	private final int maxEvents;

	private final EventLimits limits;

	private final RecordMapper mapper;

	private final RequestContext context;

	private final List<RawLogRecord> accepted = new ArrayList<>();

	private final List<Rejection> rejected = new ArrayList<>();

	private int count;

	EventCollector(int maxEvents, EventLimits limits, RecordMapper mapper, RequestContext context) {
		this.maxEvents = maxEvents;
		this.limits = limits;
		this.mapper = mapper;
		this.context = context;
	}

	@Override
	public void event(ParsedEvent event, long size) {
		int index = next();
		try {
			this.limits.check(event, size);
			this.accepted.add(this.mapper.toRecord(event, index, this.context));
		}
		catch (ProblemException ex) {
			this.rejected.add(Rejection.of(index, ex));
		}
	}

	@Override
	public void rejected(ProblemException problem) {
		this.rejected.add(Rejection.of(next(), problem));
	}

	int count() {
		return this.count;
	}

	EventBatch batch() {
		return new EventBatch(this.accepted, this.rejected);
	}

	/**
	 * @throws ProblemException {@link ProblemType#TOO_MANY_EVENTS}, for the whole request
	 */
	private int next() {
		if (this.count >= this.maxEvents) {
			throw LimitExceeded.problem(ProblemType.TOO_MANY_EVENTS, IngestLimitsProperties.PREFIX + "max-events",
					Integer.toString(this.maxEvents),
					"the request has more than " + this.maxEvents + " events; split it into smaller batches");
		}
		return this.count++;
	}

}
