package io.logpipe.indexer.index;

import java.time.Instant;

/**
 * A document waiting for Elasticsearch.
 *
 * @param dataStream where it goes
 * @param id its {@code _id}: the event id, so a second delivery cannot make a second copy
 * @param json the document as it came from parsed-logs
 * @param key its Kafka key, kept for a dead letter
 * @param origin where it came from, for dead letters and logs
 * @param created when ingest-api received it ({@code event.created}), for the end-to-end
 * latency; null when unknown
 */
public record PendingDocument(String dataStream, String id, byte[] json, String key, Origin origin, Instant created) {

	/**
	 * The Kafka record a document came from; logged as {@code topic-partition@offset}.
	 */
	public record Origin(String topic, int partition, long offset) {

		@Override
		public String toString() {
			return this.topic + "-" + this.partition + "@" + this.offset;
		}

	}

}
