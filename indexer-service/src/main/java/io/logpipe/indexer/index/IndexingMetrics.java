package io.logpipe.indexer.index;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * The indexer's meters, in one place so that their names and tags stay consistent.
 *
 * <table>
 * <caption>Meters</caption>
 * <tr>
 * <th>name</th>
 * <th>what</th>
 * </tr>
 * <tr>
 * <td>{@code logpipe.indexer.documents} (counter; tags {@code outcome},
 * {@code reason})</td>
 * <td>items by outcome: indexed, already_exists, retried, dead_lettered; the reason is
 * Elasticsearch's error type, {@code none} when there was no error. {@code rate()} of
 * {@code outcome="indexed"} is documents indexed per second</td>
 * </tr>
 * <tr>
 * <td>{@code logpipe.indexer.overflow.documents} (counter; tag {@code tenant})</td>
 * <td>documents sent to their tenant's overflow stream because their service would have
 * been one data stream more than {@code indexer.tenants.max-services-per-tenant}
 * ({@link ServiceStreams}); a redelivered batch counts again. The tenant is the one
 * ingest-api took from the API key, so there are as many series as configured
 * tenants</td>
 * </tr>
 * <tr>
 * <td>{@code logpipe.indexer.bulk.documents}, {@code logpipe.indexer.bulk.bytes}
 * (histograms)</td>
 * <td>size of each bulk request</td>
 * </tr>
 * <tr>
 * <td>{@code logpipe.indexer.bulk.latency} (timer histogram; tag {@code result})</td>
 * <td>time of each bulk request, {@code result=ok} or {@code error}</td>
 * </tr>
 * <tr>
 * <td>{@code logpipe.indexer.bulk.in_flight} (gauge)</td>
 * <td>bulk requests sent and not yet answered</td>
 * </tr>
 * <tr>
 * <td>{@code logpipe.indexer.partitions.paused} (gauge)</td>
 * <td>partitions held back because their batch cannot be written</td>
 * </tr>
 * <tr>
 * <td>{@code logpipe.indexer.end_to_end.latency} (timer histogram)</td>
 * <td>from {@code event.created} (when ingest-api received the record) to Elasticsearch
 * confirming the document</td>
 * </tr>
 * </table>
 * Consumer lag comes from the Kafka client's own metrics, which Spring Boot binds to
 * Micrometer: {@code kafka.consumer.fetch.manager.records.lag.max}.
 */
@Component
public class IndexingMetrics {

	static final String DOCUMENTS = "logpipe.indexer.documents";

	static final String OVERFLOW = "logpipe.indexer.overflow.documents";

	private final MeterRegistry registry;

	private final Clock clock;

	private final DistributionSummary bulkDocuments;

	private final DistributionSummary bulkBytes;

	private final Timer bulkOk;

	private final Timer bulkError;

	private final Timer endToEnd;

	private final AtomicInteger inFlight = new AtomicInteger();

	private final AtomicInteger pausedPartitions = new AtomicInteger();

	public IndexingMetrics(MeterRegistry registry, Clock clock) {
		this.registry = registry;
		this.clock = clock;
		this.bulkDocuments = DistributionSummary.builder("logpipe.indexer.bulk.documents")
			.description("documents per bulk request")
			.publishPercentileHistogram()
			.register(registry);
		this.bulkBytes = DistributionSummary.builder("logpipe.indexer.bulk.bytes")
			.baseUnit("bytes")
			.description("document bytes per bulk request")
			.publishPercentileHistogram()
			.register(registry);
		this.bulkOk = bulkTimer(registry, "ok");
		this.bulkError = bulkTimer(registry, "error");
		this.endToEnd = Timer.builder("logpipe.indexer.end_to_end.latency")
			.description("from event.created (receipt at ingest-api) to confirmed by Elasticsearch")
			.publishPercentileHistogram()
			.maximumExpectedValue(Duration.ofMinutes(10))
			.register(registry);
		Gauge.builder("logpipe.indexer.bulk.in_flight", this.inFlight, AtomicInteger::get)
			.description("bulk requests sent and not yet answered")
			.register(registry);
		Gauge.builder("logpipe.indexer.partitions.paused", this.pausedPartitions, AtomicInteger::get)
			.description("partitions held back because their batch cannot be written")
			.register(registry);
	}

	private static Timer bulkTimer(MeterRegistry registry, String result) {
		return Timer.builder("logpipe.indexer.bulk.latency")
			.tag("result", result)
			.description("bulk request latency")
			.publishPercentileHistogram()
			.register(registry);
	}

	/** Marks a bulk request as sent; call {@link #bulkAnswered} when it ends. */
	long bulkSent(int documents, long bytes) {
		this.inFlight.incrementAndGet();
		this.bulkDocuments.record(documents);
		this.bulkBytes.record(bytes);
		return System.nanoTime();
	}

	void bulkAnswered(long sentNanos, boolean ok) {
		this.inFlight.decrementAndGet();
		(ok ? this.bulkOk : this.bulkError).record(Duration.ofNanos(System.nanoTime() - sentNanos));
	}

	/**
	 * Counts each item's outcome and, once it is stored, its end-to-end latency. The
	 * counters are looked up once per outcome and reason of the bulk, not once per item.
	 */
	public void outcomes(List<ItemResult> results) {
		Instant now = this.clock.instant();
		Map<String, Map<String, Integer>> counts = new HashMap<>();
		for (ItemResult result : results) {
			String outcome = switch (result.outcome()) {
				case INDEXED -> "indexed";
				case ALREADY_EXISTS -> "already_exists";
				case RETRY -> "retried";
				case REJECTED -> "dead_lettered";
			};
			counts.computeIfAbsent(outcome, (o) -> new HashMap<>()).merge(result.errorType(), 1, Integer::sum);
			Instant created = result.document().created();
			if (result.outcome() == ItemOutcome.INDEXED && created != null) {
				Duration latency = Duration.between(created, now);
				if (!latency.isNegative()) {
					this.endToEnd.record(latency);
				}
			}
		}
		counts.forEach((outcome, reasons) -> reasons.forEach((reason, n) -> count(outcome, reason, n)));
	}

	/** Counts a document that went to the dead-letter topic before reaching a bulk. */
	public void deadLettered(String reason) {
		count("dead_lettered", reason, 1);
	}

	/** Counts a document routed to its tenant's overflow stream. */
	void overflowed(String tenant) {
		Counter.builder(OVERFLOW)
			.description("documents sent to their tenant's overflow stream: their service was over the tenant's bound")
			.tag("tenant", (tenant != null) ? tenant : "none")
			.register(this.registry)
			.increment();
	}

	private void count(String outcome, String reason, int documents) {
		Counter.builder(DOCUMENTS)
			.tag("outcome", outcome)
			.tag("reason", (reason != null) ? reason.toLowerCase(Locale.ROOT) : "none")
			.register(this.registry)
			.increment(documents);
	}

	public void pausedPartitions(int count) {
		this.pausedPartitions.set(count);
	}

}
