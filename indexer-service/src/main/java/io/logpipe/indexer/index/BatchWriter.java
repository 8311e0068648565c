package io.logpipe.indexer.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

import io.logpipe.indexer.index.IndexDeadLetters.DeadLetter;

import io.logpipe.indexer.IndexerProperties;

/**
 * Stores one polled batch: every document confirmed by Elasticsearch or safe in index-dlq
 * when {@link #write} returns, or an exception that makes the container redeliver the
 * whole batch.
 *
 * <p>
 * Items Elasticsearch asks to retry (per-item 429 or 5xx inside a bulk answer of 200) are
 * retried alone, with exponential back-off and jitter, up to
 * {@code indexer.retry.max-attempts}. When Elasticsearch cannot be reached, rejects the
 * request as a whole, or keeps rejecting items (a cluster block, a disk watermark), the
 * batch fails: {@link IndexingHealth} turns readiness DOWN with the reason and the
 * container's error handler pauses the partitions and redelivers the batch, with
 * back-off, until it can be stored (see {@code kafka.IndexerKafkaConfiguration}).
 *
 * <p>
 * Runs on the calling listener's consumer thread; one bulk is in flight per consumer.
 * Every wait is bounded ({@code indexer.retry.max-back-off}, the client's socket timeout)
 * and the back-off sleep ends on interrupt.
 */
@Component
public class BatchWriter {

	private static final Logger logger = LoggerFactory.getLogger(BatchWriter.class);

	private final BulkIndexer bulk;

	private final IndexDeadLetters deadLetters;

	private final IndexingHealth health;

	private final IndexerProperties.Retry retry;

	private final ExponentialBackOff backOff;

	BatchWriter(BulkIndexer bulk, IndexDeadLetters deadLetters, IndexingHealth health, IndexerProperties properties) {
		this.bulk = bulk;
		this.deadLetters = deadLetters;
		this.health = health;
		this.retry = properties.retry();
		this.backOff = this.retry.itemBackOff();
	}

	/**
	 * @param pending the documents to store
	 * @param rejected documents that already failed (undecodable); more are added
	 * @param partitions how many partitions the batch came from, reported as paused while
	 * it fails
	 */
	public void write(List<PendingDocument> pending, List<DeadLetter> rejected, int partitions) throws Exception {
		try {
			indexAll(pending, rejected);
		}
		catch (IOException ex) {
			String reason = reason(ex);
			// Once per outage, not once per redelivery: readiness shows the current
			// reason all along.
			if (this.health.failing(reason, partitions)) {
				logger.warn("Cannot store documents in Elasticsearch; holding {} partition(s) and retrying until it "
						+ "accepts them again: {}", partitions, reason);
			}
			else {
				logger.debug("Still cannot store documents in Elasticsearch: {}", reason);
			}
			throw ex;
		}
		if (!rejected.isEmpty()) {
			this.deadLetters.publish(rejected);
		}
		String recovered = this.health.writing();
		if (recovered != null) {
			logger.info("Storing documents in Elasticsearch again, after: {}", recovered);
		}
	}

	private void indexAll(List<PendingDocument> pending, List<DeadLetter> rejected) throws Exception {
		ItemResult lastRetryable = null;
		BackOffExecution waits = this.backOff.start();
		for (int attempt = 0; !pending.isEmpty(); attempt++) {
			if (attempt >= this.retry.maxAttempts()) {
				throw new RetriesExhaustedException(pending.size(), attempt, lastRetryable);
			}
			if (attempt > 0) {
				Thread.sleep(waits.nextBackOff());
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
		if (ex instanceof BulkRequestException) {
			return ex.getMessage();
		}
		return ex.getClass().getSimpleName() + ": " + ex.getMessage();
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
