package io.logpipe.common.event;

import java.util.Locale;
import java.util.Optional;

/**
 * The W3C trace context a raw record was sent in: the ids that become ECS
 * {@code trace.id} and {@code span.id} on the document, so that a log line can be found
 * from its trace.
 *
 * @param traceId 32 lower-case hex digits
 * @param spanId 16 lower-case hex digits, or {@code null}
 */
public record TraceContext(String traceId, String spanId) {

	private static final String ZERO_TRACE = "0".repeat(32);

	private static final String ZERO_SPAN = "0".repeat(16);

	/**
	 * Reads a {@code traceparent} header ({@code 00-<trace-id>-<parent-id>-<flags>}). Per
	 * W3C Trace Context a header that does not parse, or whose ids are all zeros, is
	 * ignored rather than refused: it says nothing about the logs themselves.
	 * @param traceparent the header, or {@code null}
	 */
	public static Optional<TraceContext> fromTraceparent(String traceparent) {
		if (traceparent == null) {
			return Optional.empty();
		}
		String[] parts = traceparent.trim().split("-", -1);
		if (parts.length < 4 || parts[0].length() != 2 || "ff".equalsIgnoreCase(parts[0])
				|| (parts[0].equals("00") && parts.length != 4) || !isHex(parts[0], 2) || !isHex(parts[1], 32)
				|| !isHex(parts[2], 16) || !isHex(parts[3], 2)) {
			return Optional.empty();
		}
		String traceId = parts[1].toLowerCase(Locale.ROOT);
		String spanId = parts[2].toLowerCase(Locale.ROOT);
		if (traceId.equals(ZERO_TRACE) || spanId.equals(ZERO_SPAN)) {
			return Optional.empty();
		}
		return Optional.of(new TraceContext(traceId, spanId));
	}

	private static boolean isHex(String text, int length) {
		if (text.length() != length) {
			return false;
		}
		for (int i = 0; i < length; i++) {
			if (Character.digit(text.charAt(i), 16) < 0) {
				return false;
			}
		}
		return true;
	}

}
