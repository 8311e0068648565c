package io.logpipe.parser.parse.format;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import tools.jackson.databind.json.JsonMapper;

/**
 * The formats the parser knows, and how a message finds its format: by the record's
 * {@code format} hint when it names one, by detection otherwise. Detection tries the
 * configured grok formats first (an operator who defines one means it), then JSON, RFC
 * 5424, RFC 3164, access logs, logfmt, and falls back to plain text, which always
 * matches. A pattern that runs out of its time budget counts as no match during detection
 * and as a failure when the hint asked for that format. Thread-safe.
 */
public final class Formats {

	/** Hints that ask for detection. */
	private static final List<String> AUTO = List.of("auto", "detect");

	private final List<FormatParser> detectionOrder;

	private final Map<String, List<FormatParser>> byHint;

	private final Consumer<String> onTimeout;

	/**
	 * @param mapper reads JSON messages
	 * @param grok the named-pattern library
	 * @param custom grok formats from configuration: name to expression, in order
	 * @param budget the time budget of one pattern on one message
	 * @param onTimeout told the format's name whenever a pattern runs out of time
	 */
	public Formats(JsonMapper mapper, GrokLibrary grok, Map<String, String> custom, Duration budget,
			Consumer<String> onTimeout) {
		this.onTimeout = onTimeout;
		List<FormatParser> order = new ArrayList<>();
		custom.forEach((name, expression) -> order.add(new GrokFormat(name, grok.compile(expression))));
		FormatParser json = new JsonFormat(mapper);
		FormatParser rfc5424 = new Syslog5424Format(budget);
		FormatParser rfc3164 = new Syslog3164Format(budget);
		FormatParser access = new AccessLogFormat(grok);
		FormatParser logfmt = new LogfmtFormat();
		FormatParser plain = new PlainTextFormat(budget);
		order.addAll(List.of(json, rfc5424, rfc3164, access, logfmt, plain));
		this.detectionOrder = List.copyOf(order);
		Map<String, List<FormatParser>> hints = new LinkedHashMap<>();
		order.forEach((format) -> hints.put(format.name().toLowerCase(Locale.ROOT), List.of(format)));
		hints.put("syslog", List.of(rfc5424, rfc3164));
		for (String alias : List.of("apache", "nginx", "combined", "common", "clf")) {
			hints.put(alias, List.of(access));
		}
		hints.put("kv", List.of(logfmt));
		hints.put("text", List.of(plain));
		this.byHint = Map.copyOf(hints);
	}

	/**
	 * Reads a message in the hinted format, or detects it.
	 * @throws FormatMismatchException when a hinted format is unknown or does not match
	 */
	public Extracted read(String message, String hint) {
		String name = (hint != null) ? hint.strip().toLowerCase(Locale.ROOT) : "";
		if (name.isEmpty() || AUTO.contains(name)) {
			return detect(message);
		}
		List<FormatParser> hinted = this.byHint.get(name);
		if (hinted == null) {
			throw new FormatMismatchException("unknown-format", "no format named '" + hint + "'");
		}
		for (FormatParser format : hinted) {
			try {
				Optional<Extracted> extracted = attempt(format, message);
				if (extracted.isPresent()) {
					return extracted.get();
				}
			}
			catch (PatternTimeoutException ex) {
				throw new FormatMismatchException("pattern-timeout",
						"format '" + format.name() + "' ran out of its time budget");
			}
		}
		throw new FormatMismatchException("format-mismatch", "the message is not in format '" + hint + "'");
	}

	/**
	 * {@code format}'s reading of {@code message}; a timeout is counted, then rethrown.
	 */
	private Optional<Extracted> attempt(FormatParser format, String message) {
		try {
			return format.parse(message);
		}
		catch (PatternTimeoutException ex) {
			this.onTimeout.accept(format.name());
			throw ex;
		}
	}

	private Extracted detect(String message) {
		for (FormatParser format : this.detectionOrder) {
			try {
				Optional<Extracted> extracted = attempt(format, message);
				if (extracted.isPresent()) {
					return extracted.get();
				}
			}
			catch (PatternTimeoutException ex) {
				// counted; the next format may still read it
			}
		}
		// Plain text matches anything its own patterns can read in time.
		return new Extracted(PlainTextFormat.NAME, new LinkedHashMap<>(Map.of(Extracted.MESSAGE, message)));
	}

}
