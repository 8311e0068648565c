package io.logpipe.bench;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * How long and how much each measurement runs. Every HTTP stage is bounded both in time
 * and in count, so a fast machine does not pile up more data than the later stages can
 * drain in the mode's budget.
 *
 * @param batchSize events per request of the batched ingest stage
 * @param concurrency requests the load generator keeps in flight
 * @param batchedDuration how long the batched ingest stage runs at most
 * @param maxBatchedEvents events the batched ingest stage sends at most (they are also
 * the parser's JSON input)
 * @param singleDuration how long each single-event stage (ingest, no-op) runs
 * @param producerRecords records of the Kafka producer baseline
 * @param patternRecords access-log records pre-filled for the parser's pattern stage
 * @param bulkClients concurrent clients of the Elasticsearch bulk baseline
 * @param pipelineDuration how long the whole pipeline is fed at full rate
 * @param maxPipelineEvents events the pipeline stage sends at most
 * @param latencyDuration how long events are fed at half the pipeline rate to measure the
 * time to searchable
 * @param warmUp how long ingest-api, just started, is fed batches before the first timed
 * stage (the drain stages leave their first records out instead, see
 * {@link KafkaBench#WARM_UP_SHARE})
 * @param scalingServices the service counts (one data stream each) of the scaling stage
 * @param scalingBatchSize events per request of the scaling stage, small enough that 16
 * requests of 2 kB events stay within ingest-api's admission limit
 * @param scalingDuration how long each case of the scaling stage is fed at full rate
 * @param maxScalingEvents events each case of the scaling stage sends at most
 * @param trials how many times every stage is repeated; the report keeps the median and
 * the spread of each figure
 */
record BenchMode(String name, int batchSize, int concurrency, Duration batchedDuration, long maxBatchedEvents,
		Duration singleDuration, long producerRecords, long patternRecords, int bulkClients, Duration pipelineDuration,
		long maxPipelineEvents, Duration latencyDuration, Duration warmUp, List<Integer> scalingServices,
		int scalingBatchSize, Duration scalingDuration, long maxScalingEvents, int trials) {

	/** About four minutes on a 2-core machine: one trial. */
	static final BenchMode QUICK = new BenchMode("quick", 500, 16, Duration.ofSeconds(15), 60_000,
			Duration.ofSeconds(8), 300_000, 30_000, 4, Duration.ofSeconds(15), 60_000, Duration.ofSeconds(15),
			Duration.ofSeconds(5), List.of(1, 100, 1000), 100, Duration.ofSeconds(10), 60_000, 1);

	/** About forty minutes: three trials of about twelve. */
	static final BenchMode FULL = new BenchMode("full", 500, 16, Duration.ofSeconds(90), 300_000,
			Duration.ofSeconds(45), 1_000_000, 150_000, 4, Duration.ofSeconds(90), 600_000, Duration.ofSeconds(90),
			Duration.ofSeconds(15), List.of(1, 100, 1000), 100, Duration.ofSeconds(30), 300_000, 3);

	/**
	 * Seconds: the build's smoke test, which only proves every figure can be measured.
	 */
	static final BenchMode SMOKE = new BenchMode("smoke", 50, 4, Duration.ofSeconds(3), 500, Duration.ofSeconds(2),
			2_000, 300, 2, Duration.ofSeconds(3), 500, Duration.ofSeconds(4), Duration.ofSeconds(1), List.of(1, 3, 10),
			20, Duration.ofSeconds(2), 400, 1);

	static BenchMode named(String name) {
		return switch (name.toLowerCase(Locale.ROOT)) {
			case "quick" -> QUICK;
			case "full" -> FULL;
			case "smoke" -> SMOKE;
			default -> throw new IllegalArgumentException("unknown mode '" + name + "' (quick, full, smoke)");
		};
	}

}
