package io.logpipe.indexer.admin;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * {@code logpipe.dlq.replayed} (Prometheus {@code logpipe_dlq_replayed_total}): dead
 * letters sent back to their stage, tagged {@code stage} ({@code parse} or {@code index})
 * and {@code reason}, the dead letter's error type: the parser's own words
 * ({@code invalid-envelope}, {@code format-mismatch}), an exception class of the rollback
 * recoverer, or Elasticsearch's error type ({@code none} when there was none). Those are
 * a small set, but the header is read from a topic, so the tag is bounded here all the
 * same: a value that is not such a word, and every value after the first
 * {@link #MAX_REASONS}, counts as {@code other}.
 */
@Component
class DeadLetterReplayMetrics {

	static final String REPLAYED = "logpipe.dlq.replayed";

	static final int MAX_REASONS = 50;

	static final String OTHER = "other";

	static final String NONE = "none";

	private static final Pattern REASON = Pattern.compile("[a-z0-9_.$-]{1,100}");

	private final MeterRegistry registry;

	private final Set<String> reasons = new HashSet<>();

	DeadLetterReplayMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	/**
	 * @param stage a stage of {@link DeadLetterFilter#STAGES}
	 */
	void replayed(String stage, String errorType) {
		Counter.builder(REPLAYED)
			.description("dead letters sent back to the stage they failed in")
			.tag("stage", stage)
			.tag("reason", reason(errorType))
			.register(this.registry)
			.increment();
	}

	synchronized String reason(String errorType) {
		String reason = errorType.toLowerCase(Locale.ROOT);
		if (reason.isEmpty()) {
			return NONE;
		}
		if (!REASON.matcher(reason).matches()) {
			return OTHER;
		}
		if (this.reasons.contains(reason) || this.reasons.size() < MAX_REASONS) {
			this.reasons.add(reason);
			return reason;
		}
		return OTHER;
	}

}
