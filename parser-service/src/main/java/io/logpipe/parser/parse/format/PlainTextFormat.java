package io.logpipe.parser.parse.format;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Any other line. The message stays as it is; a leading ISO-style timestamp (as logback,
 * log4j and Python's logging write it: {@code 2026-11-21 10:00:00,123}) and a level word
 * near the start are picked up when they are there.
 */
final class PlainTextFormat implements FormatParser {

	static final String NAME = "plain";

	private static final Pattern TIMESTAMP = Pattern
		.compile("^\\[?(\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}:\\d{2}(?:[.,]\\d{1,9})?(?:Z|[+-]\\d{2}:?\\d{2})?)\\]?");

	private static final Pattern LEVEL = Pattern
		.compile("\\b(TRACE|DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|ERR|SEVERE|CRITICAL|FATAL)\\b");

	/** How far into the line a level word may start. */
	private static final int LEVEL_WINDOW = 80;

	private final BudgetedPattern timestamp;

	private final BudgetedPattern level;

	PlainTextFormat(Duration budget) {
		this.timestamp = new BudgetedPattern(TIMESTAMP, budget);
		this.level = new BudgetedPattern(LEVEL, budget);
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public Optional<Extracted> parse(String message) {
		Map<String, Object> fields = new LinkedHashMap<>();
		Matcher time = this.timestamp.matcher(message);
		if (time.find()) {
			fields.put(Extracted.TIMESTAMP, time.group(1).replace(',', '.'));
		}
		String head = message.substring(0, Math.min(message.length(), LEVEL_WINDOW));
		Matcher level = this.level.matcher(head);
		if (level.find()) {
			fields.put(Extracted.LEVEL, level.group(1));
		}
		fields.put(Extracted.MESSAGE, message);
		return Optional.of(new Extracted(NAME, fields));
	}

}
