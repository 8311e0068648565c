package io.logpipe.indexer.kafka;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.logpipe.common.codec.EventCodec;
import io.logpipe.common.codec.EventDecodingException;
import io.logpipe.common.id.Sha256;
import io.logpipe.common.metrics.LogCount;
import io.logpipe.indexer.IndexerProperties;
import io.logpipe.indexer.index.BatchWriter;
import io.logpipe.indexer.index.DataStreamNames;
import io.logpipe.indexer.index.IndexDeadLetters.DeadLetter;
import io.logpipe.indexer.index.IndexingMetrics;
import io.logpipe.indexer.index.PendingDocument;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns the log counts that parser-service publishes on {@code log-metrics} into
 * documents of {@code metrics-logpipe.log_counts-<tenant>}.
 *
 * <p>
 * The contract is {@link LogCount}, read with {@link EventCodec}: a record without tenant
 * or window start is unusable and goes to index-dlq like a rejected document; a missing
 * service or level reads as {@code unknown}.
 *
 * <p>
 * Each record is a partial count: what one parser batch saw of a window; a window's total
 * is the sum of its documents. The {@code _id} is therefore derived from the record's
 * place (topic, partition, offset): a redelivered or replayed record is stored once, and
 * every batch's count is kept. Runs on its own container's consumer thread;
 * {@link BatchWriter} gives it the same guarantees as the parsed documents.
 */
@Component
class LogMetricsListener {

	private static final String UNKNOWN = "unknown";

	private final EventCodec codec;

	private final BatchWriter writer;

	private final IndexingMetrics metrics;

	private final IndexerProperties properties;

	LogMetricsListener(EventCodec codec, BatchWriter writer, IndexingMetrics metrics, IndexerProperties properties) {
		this.codec = codec;
		this.writer = writer;
		this.metrics = metrics;
		this.properties = properties;
	}

	/** {@code indexer.metrics-topic}, read by the listener annotation's SpEL. */
	public String topic() {
		return this.properties.metricsTopic();
	}

	@KafkaListener(id = "log-metrics", topics = "#{__listener.topic()}", batch = "true", autoStartup = "false",
			idIsGroup = false)
	void onCounts(List<ConsumerRecord<String, byte[]>> records) throws Exception {
		List<DeadLetter> rejected = new ArrayList<>();
		List<PendingDocument> pending = new ArrayList<>(records.size());
		for (ConsumerRecord<String, byte[]> record : records) {
			try {
				pending.add(toDocument(record));
			}
			catch (EventDecodingException ex) {
				this.metrics.deadLettered("invalid_log_count");
				rejected.add(new DeadLetter(
						new PendingDocument(null, null, record.value(), record.key(),
								ParsedDocumentListener.origin(record), null),
						"invalid_log_count", "invalid-log-count: " + ex.getMessage()));
			}
		}
		this.writer.write(pending, rejected, ParsedDocumentListener.partitions(records));
	}

	/**
	 * @throws EventDecodingException when the record is not a usable count
	 */
	PendingDocument toDocument(ConsumerRecord<String, byte[]> record) {
		LogCount count = this.codec.decodeLogCount(record.value());
		ObjectNode document = this.codec.mapper().createObjectNode();
		document.put("@timestamp", count.windowStart().toString());
		ObjectNode event = document.putObject("event");
		event.put("start", count.windowStart().toString());
		if (count.windowEnd() != null) {
			event.put("end", count.windowEnd().toString());
		}
		document.putObject("organization").put("id", count.tenant());
		document.putObject("service").put("name", orUnknown(count.service()));
		document.putObject("log").put("level", orUnknown(count.level()));
		document.put("count", count.count());
		String id = Sha256.hex(String.join("\u0000", record.topic(), Integer.toString(record.partition()),
				Long.toString(record.offset())), 16);
		return new PendingDocument(DataStreamNames.logMetrics(count.tenant()), id,
				this.codec.mapper().writeValueAsBytes(document), record.key(), ParsedDocumentListener.origin(record),
				null);
	}

	private static String orUnknown(String value) {
		return (value != null && !value.isBlank()) ? value : UNKNOWN;
	}

}
