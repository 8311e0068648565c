package io.logpipe.parser.parse.enrich;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.logpipe.common.event.LogDocument;

/**
 * Finds a Java or Python stack trace in a message and makes it ECS {@code error.*}.
 *
 * <ul>
 * <li>Java: a line {@code pkg.SomeException: message} (or {@code ...Error},
 * {@code ...Throwable}) directly followed by a {@code \tat ...} frame. The first such
 * line is the thrown exception; {@code Caused by:} lines stay in the stack trace.</li>
 * <li>Python: {@code Traceback (most recent call last):}, indented frames, then
 * {@code module.ErrorType: message}, the last unindented line.</li>
 * </ul>
 * The patterns are linear (no nested quantifiers) and only run on messages that contain
 * the trace markers.
 */
public final class StackTraceExtractor {

	private static final Pattern JAVA = Pattern.compile(
			"(?m)^(?:Exception in thread \"[^\"]*\" )?([a-zA-Z_$][\\w$]*(?:\\.[a-zA-Z_$][\\w$]*)*(?:Exception|Error|Throwable))(?::[ \\t]*(.*))?\\r?\\n[ \\t]+at ");

	private static final String PYTHON_MARKER = "Traceback (most recent call last):";

	private static final Pattern PYTHON_LAST = Pattern.compile("^([A-Za-z_][\\w.]*)(?::\\s?(.*))?$");

	private StackTraceExtractor() {
	}

	/** The error a message carries in a stack trace, if it carries one. */
	public static Optional<LogDocument.ErrorInfo> extract(String message) {
		if (message == null) {
			return Optional.empty();
		}
		if (message.contains("\tat ") || message.contains("    at ")) {
			Matcher java = JAVA.matcher(message);
			if (java.find()) {
				return Optional.of(new LogDocument.ErrorInfo(java.group(1), emptyToNull(java.group(2)),
						message.substring(java.start()).strip()));
			}
		}
		int traceback = message.indexOf(PYTHON_MARKER);
		if (traceback >= 0) {
			return python(message.substring(traceback));
		}
		return Optional.empty();
	}

	private static Optional<LogDocument.ErrorInfo> python(String trace) {
		String[] lines = trace.split("\\r?\\n");
		for (int i = lines.length - 1; i > 0; i--) {
			String line = lines[i];
			if (line.isBlank() || Character.isWhitespace(line.charAt(0))) {
				continue;
			}
			Matcher last = PYTHON_LAST.matcher(line.strip());
			if (last.matches()) {
				StringBuilder stack = new StringBuilder();
				for (int j = 0; j <= i; j++) {
					stack.append(lines[j]).append('\n');
				}
				return Optional
					.of(new LogDocument.ErrorInfo(last.group(1), emptyToNull(last.group(2)), stack.toString().strip()));
			}
			return Optional.empty();
		}
		return Optional.empty();
	}

	private static String emptyToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
