package io.logpipe.parser.parse.time;

import java.time.Instant;
import java.util.List;

/**
 * The event time the parser settled on.
 *
 * @param instant the {@code @timestamp}
 * @param inferred what had to be assumed: {@code timestamp} (none was readable, the time
 * of receipt is used), {@code year}, {@code zone}
 * @param clamped whether the event's time lay too far in the future and was replaced by
 * the time of receipt
 * @param original the timestamp as written, when something was inferred or clamped
 */
public record ResolvedTime(Instant instant, List<String> inferred, boolean clamped, String original) {

	public static final String INFERRED_TIMESTAMP = "timestamp";

	public static final String INFERRED_YEAR = "year";

	public static final String INFERRED_ZONE = "zone";

}
