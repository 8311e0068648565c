package io.logpipe.ingest.event;

import java.util.List;

import io.logpipe.common.event.RawLogRecord;

/**
 * A request's events after validation: the records to publish, in request order, and the
 * rejected events with their reasons.
 */
public record EventBatch(List<RawLogRecord> accepted, List<Rejection> rejected) {
}
