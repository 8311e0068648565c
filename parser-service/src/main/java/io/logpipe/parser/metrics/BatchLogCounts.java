package io.logpipe.parser.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.logpipe.common.event.LogDocument;
import io.logpipe.common.metrics.LogCount;

/**
 * Counts one batch's documents by tenant, service, level and window of event time. Not
 * thread-safe: one per batch, on the listener's thread. The listener writes
 * {@link #counts()} to {@code log-metrics} in the batch's transaction, which is what
 * makes the counts exactly-once (see {@link LogCount}); windows are therefore not held
 * open across batches, where a crash would lose them.
 */
public final class BatchLogCounts {

	private final long windowMillis;

	private final Map<Key, long[]> counts = new LinkedHashMap<>();

	public BatchLogCounts(Duration window) {
		this.windowMillis = window.toMillis();
	}

	public void count(LogDocument document) {
		String level = (document.log() != null && document.log().level() != null) ? document.log().level()
				: LogCount.NO_LEVEL;
		long start = Math.floorDiv(document.timestamp().toEpochMilli(), this.windowMillis) * this.windowMillis;
		this.counts.computeIfAbsent(new Key(document.tenant(), document.serviceName(), level, start),
				(key) -> new long[1])[0]++;
	}

	public List<LogCount> counts() {
		List<LogCount> result = new ArrayList<>(this.counts.size());
		this.counts.forEach((key, count) -> {
			Instant start = Instant.ofEpochMilli(key.windowStart());
			result.add(new LogCount(start, start, start.plusMillis(this.windowMillis), key.tenant(), key.service(),
					key.level(), count[0]));
		});
		return result;
	}

	private record Key(String tenant, String service, String level, long windowStart) {
	}

}
