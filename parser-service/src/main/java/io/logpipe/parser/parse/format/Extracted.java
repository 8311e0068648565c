package io.logpipe.parser.parse.format;

import java.util.Map;

/**
 * What a format found in a message: flat fields named like their ECS destination
 * ({@code http.request.method}, {@code log.syslog.priority}, ...), or with the names the
 * event itself used ({@code level}, {@code msg}, {@code time}, ...), and how the
 * timestamp is written when the format knows it.
 *
 * @param format the format's name, as the {@code format} hint names it
 * @param fields the fields, in the order they were found
 */
public record Extracted(String format, Map<String, Object> fields) {

	/** The message of the event, if the format separated it from its header. */
	public static final String MESSAGE = "message";

	/** The event's own timestamp, as written. */
	public static final String TIMESTAMP = "timestamp";

	/** The event's own level, as written. */
	public static final String LEVEL = "level";

}
