package io.logpipe.parser.metrics;

import java.util.Set;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import io.logpipe.common.event.LogDocument;
import io.logpipe.common.metrics.LogCount;
import io.logpipe.parser.parse.level.LevelNormalizer;

/**
 * The parser's Prometheus counters. Counters count work done, including work a
 * rolled-back batch repeats; the exactly-once counts are the ones on {@code log-metrics}.
 *
 * <p>
 * No tag takes a value a client chose (issue #12): each distinct value is a time series
 * Prometheus keeps, so a client sending a new service name or level word with every event
 * could exhaust it. Tags are the tenant (ingest-api takes it from the API key, so there
 * are as many as configured), the normal levels, and rule, reason and format names from
 * the configuration or the code. Counts per service are on {@code log-metrics}, stored as
 * documents rather than series.
 *
 * <ul>
 * <li>{@code logpipe_parser_events_total{tenant,level}}: documents written; {@code level}
 * is one of {@code TRACE}, {@code DEBUG}, {@code INFO}, {@code WARN}, {@code ERROR},
 * {@code FATAL}, {@code OTHER} (a word the normalizer did not know) and
 * {@code NONE};</li>
 * <li>{@code logpipe_parser_redactions_total{rule}}: secrets replaced;</li>
 * <li>{@code logpipe_parser_dropped_total{rule}}: documents a rule dropped or sampled
 * out;</li>
 * <li>{@code logpipe_parser_failures_total{reason}}: parse failures and invalid
 * envelopes;</li>
 * <li>{@code logpipe_parser_pattern_timeouts_total{format}}: patterns that ran out of
 * time.</li>
 * </ul>
 */
public final class ParserMeters {

	/** The level tag of a level word {@link LevelNormalizer} kept as it came. */
	static final String OTHER_LEVEL = "OTHER";

	private static final Set<String> LEVELS = Set.of(LevelNormalizer.TRACE, LevelNormalizer.DEBUG, LevelNormalizer.INFO,
			LevelNormalizer.WARN, LevelNormalizer.ERROR, LevelNormalizer.FATAL);

	private final MeterRegistry registry;

	public ParserMeters(MeterRegistry registry) {
		this.registry = registry;
	}

	public void written(LogDocument document) {
		String level = (document.log() != null) ? document.log().level() : null;
		counter("logpipe.parser.events", "tenant", document.tenant(), "level", levelTag(level)).increment();
	}

	static String levelTag(String level) {
		if (level == null) {
			return LogCount.NO_LEVEL;
		}
		return LEVELS.contains(level) ? level : OTHER_LEVEL;
	}

	public void redacted(String rule) {
		counter("logpipe.parser.redactions", "rule", rule).increment();
	}

	public void dropped(String rule) {
		counter("logpipe.parser.dropped", "rule", rule).increment();
	}

	public void failed(String reason) {
		counter("logpipe.parser.failures", "reason", reason).increment();
	}

	public void timedOut(String format) {
		counter("logpipe.parser.pattern.timeouts", "format", format).increment();
	}

	private Counter counter(String name, String... tags) {
		for (int i = 1; i < tags.length; i += 2) {
			if (tags[i] == null) {
				tags[i] = "none";
			}
		}
		return Counter.builder(name).tags(tags).register(this.registry);
	}

}
