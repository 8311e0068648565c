package io.logpipe.parser.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import io.logpipe.common.event.LogDocument;
import io.logpipe.common.metrics.LogCount;

/**
 * The parser's Prometheus counters. Counters count work done, including work a
 * rolled-back batch repeats; the exactly-once counts are the ones on {@code log-metrics}.
 *
 * <ul>
 * <li>{@code logpipe_parser_events_total{tenant,service,level}}: documents written;</li>
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

	private final MeterRegistry registry;

	public ParserMeters(MeterRegistry registry) {
		this.registry = registry;
	}

	public void written(LogDocument document) {
		String level = (document.log() != null && document.log().level() != null) ? document.log().level()
				: LogCount.NO_LEVEL;
		counter("logpipe.parser.events", "tenant", document.tenant(), "service", document.serviceName(), "level", level)
			.increment();
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
