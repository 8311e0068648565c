package io.logpipe.indexer.kafka;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
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
import io.logpipe.indexer.bulk.IndexingMetrics;
import io.logpipe.indexer.bulk.ItemResult;
import io.logpipe.indexer.bulk.PendingDocument;
import io.logpipe.indexer.kafka.IndexDeadLetters.DeadLetter;

/**
 * Indexes each polled batch of parsed-logs.
 *
 * <p>
 * The listener returns only when every document of the batch is stored in Elasticsearch
 * or safe in index-dlq; only then does the container commit the batch's offsets (ack-mode
 * batch), so a crash at any earlier point redelivers the whole batch, and the stable
 * {@code _id} turns the redelivered copies of already stored documents into 409s. Items
 * Elasticsearch asks to retry (per-item 429 or 5xx inside a bulk answer of 200) are
 * retried alone, with exponential back-off and jitter, up to
 * {@code indexer.retry.max-attempts}. When Elasticsearch cannot be reached, rejects the
 * request as a whole, or keeps rejecting items (a cluster block, a disk watermark), the
 * batch fails: {@link IndexingHealth} turns readiness DOWN with the reason and the
 * container's error handler pauses the partitions and redelivers the batch, with
 * back-off, until it can be stored (see {@link IndexerKafkaConfiguration}).
 *
 * <p>
 * Runs on the container's consumer thread; one bulk is in flight per consumer. Every wait
 * is bounded ({@code indexer.retry.max-back-off}, the client's socket timeout) and the
 * back-off sleep ends on interrupt.
 */
@Component
class ParsedDocumentListener {

	/**
	 * The container's id; the consumer group is {@code spring.kafka.consumer.group-id},
	 * not this id ({@code idIsGroup = false}).
	 */
	static final String LISTENER_ID = "indexer";

	private static final Logger logger = LoggerFactory.getLogger(ParsedDocumentListener.class);

	private final EventCodec codec;

	private final BulkIndexer bulk;

	private final IndexDeadLetters deadLetters;

	private final IndexingHealth health;

	private final IndexingMetrics metrics;

	private final IndexerProperties.Retry retry;

	private final BackOff backOff;

	ParsedDocumentListener(EventCodec codec, BulkIndexer bulk, IndexDeadLetters deadLetters, IndexingHealth health,
			IndexingMetrics metrics, IndexerProperties properties) {
		this.codec = codec;
		this.bulk = bulk;
		this.deadLetters = deadLetters;
		this.health = health;
		this.metrics = metrics;
		this.retry = properties.retry();
		this.backOff = new BackOff(this.retry.initialBackOff(), this.retry.maxBackOff(),
				() -> ThreadLocalRandom.current().nextDouble());
	}

	@KafkaListener(id = LISTENER_ID, topics = "${indexer.parsed-topic:parsed-logs}", batch = "true",
			autoStartup = "false", idIsGroup = false)
	void onDocuments(List<ConsumerRecord<String, byte[]>> records) throws Exception {
		List<DeadLetter> rejected = new ArrayList<>();
		List<PendingDocument> pending = new ArrayList<>(records.size());
		for (ConsumerRecord<String, byte[]> record : records) {
			String origin = record.topic() + "-" + record.partition() + "@" + record.offset();
			try {
				LogDocument document = this.codec.decodeDocument(record.value());
				pending.add(new PendingDocument(DataStreamNames.of(document.serviceName(), document.tenant()),
						document.id(), record.value(), record.key(), origin,
						(document.event() != null) ? document.event().ingested() : null));
			}
			catch (EventDecodingException ex) {
				this.metrics.deadLettered("invalid_document");
				rejected.add(new DeadLetter(new PendingDocument(null, null, record.value(), record.key(), origin, null),
						"invalid_document", "invalid-document: " + ex.getMessage()));
			}
		}
		try {
			indexAll(pending, rejected);
		}
		catch (IOException | ElasticsearchException ex) {
			this.health.failing(reason(ex), (int) records.stream().map(ConsumerRecord::partition).distinct().count());
			throw ex;
		}
		if (!rejected.isEmpty()) {
			this.deadLetters.publish(rejected);
		}
		this.health.writing();
	}

	private void indexAll(List<PendingDocument> pending, List<DeadLetter> rejected) throws Exception {
		ItemResult lastRetryable = null;
		for (int attempt = 0; !pending.isEmpty(); attempt++) {
			if (attempt >= this.retry.maxAttempts()) {
				throw new RetriesExhaustedException(pending.size(), attempt, lastRetryable);
			}
			if (attempt > 0) {
				sleep(this.backOff.delay(attempt - 1));
			}
			List<ItemResult> retryable = indexOnce(pending, rejected);
			pending = retryable.stream().map(ItemResult::document).toList();
			lastRetryable = retryable.isEmpty() ? null : retryable.get(0);
		}
	}

	/**
	 * One bulk attempt; the rejected go to {@code rejected}, the retryable are returned.
	 */
	private List<ItemResult> indexOnce(List<PendingDocument> pending, List<DeadLetter> rejected) throws IOException {
		List<ItemResult> retryable = new ArrayList<>();
		for (ItemResult result : this.bulk.index(pending)) {
			switch (result.outcome()) {
				case INDEXED, ALREADY_EXISTS -> {
				}
				case RETRY -> retryable.add(result);
				case REJECTED -> {
					logger.warn("Elasticsearch rejected {} from {}: {}: {}", result.document().id(),
							result.document().origin(), result.errorType(), result.errorReason());
					rejected.add(new DeadLetter(result.document(), result.errorType(),
							result.errorType() + ": " + result.errorReason()));
				}
			}
		}
		return retryable;
	}

	private static String reason(Exception ex) {
		if (ex instanceof ElasticsearchException es) {
			return "Elasticsearch answered " + es.status() + ": " + es.error().type() + ": " + es.error().reason();
		}
		return ex.getClass().getSimpleName() + ": " + ex.getMessage();
	}

	private static void sleep(Duration delay) throws InterruptedException {
		Thread.sleep(delay);
	}

	/**
	 * Items that Elasticsearch still asked to retry after every attempt; the batch as a
	 * whole fails and is redelivered.
	 */
	static final class RetriesExhaustedException extends IOException {

		RetriesExhaustedException(int documents, int attempts, ItemResult last) {
			super(documents + " documents still rejected as retryable after " + attempts + " bulk attempts"
					+ ((last != null) ? ", last: " + last.status() + " " + last.errorType() + ": " + last.errorReason()
							: ""));
		}

	}

}
