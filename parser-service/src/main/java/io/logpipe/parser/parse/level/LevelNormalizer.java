package io.logpipe.parser.parse.level;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One spelling per level: {@code TRACE}, {@code DEBUG}, {@code INFO}, {@code WARN},
 * {@code ERROR}, {@code FATAL}. Reads the words loggers write ({@code warning},
 * {@code W}, {@code err}, {@code severe}, {@code fine}, ...), syslog severities by name
 * or number (0 to 7: emerg, alert and crit are FATAL, err ERROR, warning WARN, notice and
 * info INFO, debug DEBUG) and bunyan/pino numbers (10 trace to 60 fatal). A word it does
 * not know is kept, upper-cased, rather than lost.
 */
public final class LevelNormalizer {

	public static final String TRACE = "TRACE";

	public static final String DEBUG = "DEBUG";

	public static final String INFO = "INFO";

	public static final String WARN = "WARN";

	public static final String ERROR = "ERROR";

	public static final String FATAL = "FATAL";

	private static final String[] SYSLOG = { FATAL, FATAL, FATAL, ERROR, WARN, INFO, INFO, DEBUG };

	private static final Map<String, String> WORDS = Map.ofEntries(Map.entry("t", TRACE), Map.entry("trace", TRACE),
			Map.entry("trc", TRACE), Map.entry("finest", TRACE), Map.entry("finer", TRACE), Map.entry("verbose", TRACE),
			Map.entry("d", DEBUG), Map.entry("debug", DEBUG), Map.entry("dbg", DEBUG), Map.entry("fine", DEBUG),
			Map.entry("config", DEBUG), Map.entry("i", INFO), Map.entry("info", INFO), Map.entry("inf", INFO),
			Map.entry("information", INFO), Map.entry("informational", INFO), Map.entry("notice", INFO),
			Map.entry("n", INFO), Map.entry("w", WARN), Map.entry("warn", WARN), Map.entry("wrn", WARN),
			Map.entry("warning", WARN), Map.entry("e", ERROR), Map.entry("err", ERROR), Map.entry("error", ERROR),
			Map.entry("eror", ERROR), Map.entry("severe", ERROR), Map.entry("f", FATAL), Map.entry("fatal", FATAL),
			Map.entry("crit", FATAL), Map.entry("critical", FATAL), Map.entry("alert", FATAL),
			Map.entry("emerg", FATAL), Map.entry("emergency", FATAL), Map.entry("panic", FATAL), Map.entry("a", FATAL),
			Map.entry("c", FATAL));

	private LevelNormalizer() {
	}

	/** The normal level of a level as an event wrote it, if it had one. */
	public static Optional<String> normalize(Object value) {
		if (value instanceof Number number) {
			return numeric(number.doubleValue());
		}
		if (!(value instanceof String raw) || raw.isBlank()) {
			return Optional.empty();
		}
		String text = raw.strip();
		if (text.chars().allMatch(Character::isDigit) && text.length() <= 3) {
			return numeric(Integer.parseInt(text));
		}
		String known = WORDS.get(text.toLowerCase(Locale.ROOT));
		return Optional.of((known != null) ? known : text.toUpperCase(Locale.ROOT));
	}

	private static Optional<String> numeric(double number) {
		if (number >= 0 && number <= 7 && number == Math.rint(number)) {
			return Optional.of(SYSLOG[(int) number]);
		}
		if (number >= 10 && number < 70) {
			return Optional.of(new String[] { TRACE, DEBUG, INFO, WARN, ERROR, FATAL }[(int) (number / 10) - 1]);
		}
		return Optional.empty();
	}

}
