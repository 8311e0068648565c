package io.logpipe.indexer.index;

import java.time.Instant;

/**
 * A document waiting for Elasticsearch.
 *
 * @param dataStream where it goes
 * @param id its {@code _id}: the event id, so a second delivery cannot make a second copy
 * @param json the document as it came from parsed-logs
 * @param key its Kafka key, kept for a dead letter
 * @param origin where it came from ({@code topic-partition@offset}), for dead letters and
 * logs
 * @param ingested when logpipe received it ({@code event.ingested}), for the end-to-end
 * latency; null when unknown
 */
public record PendingDocument(String dataStream, String id, byte[] json, String key, String origin, Instant ingested) {
}
