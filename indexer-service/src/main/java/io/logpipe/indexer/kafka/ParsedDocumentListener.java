package io.logpipe.indexer.kafka;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.logpipe.common.codec.EventCodec;
import io.logpipe.common.codec.EventDecodingException;
import io.logpipe.common.event.LogDocument;
import io.logpipe.indexer.IndexerProperties;
import io.logpipe.indexer.bulk.BackOff;
import io.logpipe.indexer.bulk.BulkIndexer;
import io.logpipe.indexer.bulk.DataStreamNames;
import io.logpipe.indexer.bulk.ItemResult;
import io.logpipe.indexer.bulk.PendingDocument;
import io.logpipe.indexer.kafka.IndexDeadLetters.DeadLetter;

/**
 * Indexes each polled batch of parsed-logs. The listener returns only when every document
 * of the batch is stored in Elasticsearch or safe in index-dlq; only then does the
 * container commit the batch's offsets. Items Elasticsearch asks to retry are retried
 * alone, with back-off; when Elasticsearch cannot be reached, the batch fails and the
 * container's error handler redelivers it (pausing the consumer meanwhile) until it can.
 * Runs on the container's consumer thread.
 */
@Component
class ParsedDocumentListener {

	static final String LISTENER_ID = "indexer";

	private static final Logger logger = LoggerFactory.getLogger(ParsedDocumentListener.class);

	private final EventCodec codec;

	private final BulkIndexer bulk;

	private final IndexDeadLetters deadLetters;

	private final IndexerProperties.Retry retry;

	private final BackOff backOff;

	ParsedDocumentListener(EventCodec codec, BulkIndexer bulk, IndexDeadLetters deadLetters,
			IndexerProperties properties) {
		this.codec = codec;
		this.bulk = bulk;
		this.deadLetters = deadLetters;
		this.retry = properties.retry();
		this.backOff = new BackOff(this.retry.initialBackOff(), this.retry.maxBackOff(),
				() -> ThreadLocalRandom.current().nextDouble());
	}

	@KafkaListener(id = LISTENER_ID, idIsGroup = false, topics = "${indexer.parsed-topic:parsed-logs}", batch = "true",
			autoStartup = "false")
	void onDocuments(List<ConsumerRecord<String, byte[]>> records) throws Exception {
		List<DeadLetter> rejected = new ArrayList<>();
		List<PendingDocument> pending = new ArrayList<>(records.size());
		for (ConsumerRecord<String, byte[]> record : records) {
			String origin = record.topic() + "-" + record.partition() + "@" + record.offset();
			try {
				LogDocument document = this.codec.decodeDocument(record.value());
				pending.add(new PendingDocument(DataStreamNames.of(document.serviceName(), document.tenant()),
						document.id(), record.value(), record.key(), origin));
			}
			catch (EventDecodingException ex) {
				rejected.add(new DeadLetter(new PendingDocument(null, null, record.value(), record.key(), origin),
						"invalid-document: " + ex.getMessage()));
			}
		}
		for (int attempt = 0; !pending.isEmpty(); attempt++) {
			if (attempt > 0) {
				sleep(this.backOff.delay(attempt - 1));
			}
			if (attempt >= this.retry.maxAttempts()) {
				throw new IOException(
						pending.size() + " documents still retryable after " + attempt + " bulk attempts");
			}
			pending = indexOnce(pending, rejected);
		}
		if (!rejected.isEmpty()) {
			this.deadLetters.publish(rejected);
		}
	}

	/**
	 * One bulk attempt; the rejected go to {@code rejected}, the retryable are returned.
	 */
	private List<PendingDocument> indexOnce(List<PendingDocument> pending, List<DeadLetter> rejected)
			throws IOException {
		List<PendingDocument> retryable = new ArrayList<>();
		for (ItemResult result : this.bulk.index(pending)) {
			switch (result.outcome()) {
				case INDEXED, ALREADY_EXISTS -> {
				}
				case RETRY -> retryable.add(result.document());
				case REJECTED -> {
					logger.warn("Elasticsearch rejected {} from {}: {}: {}", result.document().id(),
							result.document().origin(), result.errorType(), result.errorReason());
					rejected.add(new DeadLetter(result.document(), result.errorType() + ": " + result.errorReason()));
				}
			}
		}
		return retryable;
	}

	private static void sleep(Duration delay) throws InterruptedException {
		Thread.sleep(delay);
	}

}
