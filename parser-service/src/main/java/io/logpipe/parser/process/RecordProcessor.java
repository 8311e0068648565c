package io.logpipe.parser.process;

import io.logpipe.common.event.RawLogRecord;
import io.logpipe.parser.parse.LogParser;
import io.logpipe.parser.parse.ParseResult;
import io.logpipe.parser.redact.Redactor;
import io.logpipe.parser.rules.RuleEngine;
import io.logpipe.parser.rules.RuleOutcome;

/**
 * Everything the parser does to a record, as one pure function: parse, apply the tenant's
 * rules, redact. No Kafka: the listener writes what it answers, and a benchmark can call
 * it directly. Thread-safe.
 */
public final class RecordProcessor {

	private final LogParser parser;

	private final RuleEngine rules;

	private final Redactor redactor;

	public RecordProcessor(LogParser parser, RuleEngine rules, Redactor redactor) {
		this.parser = parser;
		this.rules = rules;
		this.redactor = redactor;
	}

	public Outcome process(RawLogRecord raw) {
		ParseResult parsed = this.parser.parse(raw);
		RuleOutcome ruled = this.rules.apply(parsed.document());
		if (ruled.dropped()) {
			return new Outcome(null, null, parsed.failure(), ruled.droppedBy());
		}
		return new Outcome(this.redactor.redact(ruled.document()), ruled.topic(), parsed.failure(), null);
	}

}
