package io.logpipe.indexer.kafka;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.logpipe.common.codec.EventCodec;
import io.logpipe.common.codec.EventDecodingException;
import io.logpipe.indexer.IndexerProperties;
import io.logpipe.indexer.index.BatchWriter;
import io.logpipe.indexer.index.DocumentKeys;
import io.logpipe.indexer.index.IndexingMetrics;
import io.logpipe.indexer.index.PendingDocument;
import io.logpipe.indexer.index.ServiceStreams;
import io.logpipe.indexer.index.IndexDeadLetters.DeadLetter;

/**
 * Indexes each polled batch of parsed-logs into {@code logs-<service>-<tenant>}, or the
 * tenant's overflow stream once it has as many services as it may
 * ({@link ServiceStreams}).
 *
 * <p>
 * The listener returns only when every document of the batch is stored in Elasticsearch
 * or safe in index-dlq ({@link BatchWriter}); only then does the container commit the
 * batch's offsets (ack-mode batch), so a crash at any earlier point redelivers the whole
 * batch, and the stable {@code _id} turns the redelivered copies of already stored
 * documents into 409s. Runs on the container's consumer thread.
 */
@Component
class ParsedDocumentListener {

	/**
	 * The container's id; the consumer group is {@code spring.kafka.consumer.group-id},
	 * not this id ({@code idIsGroup = false}).
	 */
	static final String LISTENER_ID = "indexer";

	private final EventCodec codec;

	private final BatchWriter writer;

	private final IndexingMetrics metrics;

	private final IndexerProperties properties;

	private final ServiceStreams streams;

	private final Clock clock;

	ParsedDocumentListener(EventCodec codec, BatchWriter writer, IndexingMetrics metrics, IndexerProperties properties,
			ServiceStreams streams, Clock clock) {
		this.codec = codec;
		this.writer = writer;
		this.metrics = metrics;
		this.properties = properties;
		this.streams = streams;
		this.clock = clock;
	}

	/** {@code indexer.parsed-topic}, read by the listener annotation's SpEL. */
	public String topic() {
		return this.properties.parsedTopic();
	}

	@KafkaListener(id = LISTENER_ID, topics = "#{__listener.topic()}", batch = "true", autoStartup = "false",
			idIsGroup = false)
	void onDocuments(List<ConsumerRecord<String, byte[]>> records) throws Exception {
		List<DeadLetter> rejected = new ArrayList<>();
		List<PendingDocument> pending = new ArrayList<>(records.size());
		byte[] ingested = DocumentKeys.ingestedText(this.clock.instant());
		ServiceStreams.Batch batchStreams = this.streams.forBatch();
		for (ConsumerRecord<String, byte[]> record : records) {
			PendingDocument.Origin origin = origin(record);
			try {
				DocumentKeys keys = DocumentKeys.read(this.codec.mapper(), record.value());
				pending.add(new PendingDocument(batchStreams.dataStream(keys.serviceName(), keys.tenant()), keys.id(),
						keys.withIngested(record.value(), ingested), record.key(), origin, keys.created()));
			}
			catch (EventDecodingException ex) {
				this.metrics.deadLettered("invalid_document");
				rejected.add(new DeadLetter(new PendingDocument(null, null, record.value(), record.key(), origin, null),
						"invalid_document", "invalid-document: " + ex.getMessage()));
			}
		}
		this.writer.write(pending, rejected, partitions(records));
	}

	static PendingDocument.Origin origin(ConsumerRecord<?, ?> record) {
		return new PendingDocument.Origin(record.topic(), record.partition(), record.offset());
	}

	static int partitions(List<? extends ConsumerRecord<?, ?>> records) {
		return (int) records.stream().map(ConsumerRecord::partition).distinct().count();
	}

}
