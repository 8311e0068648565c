package io.logpipe.ingest.protocol;

import java.util.Map;

/**
 * One event of a protocol request, in logpipe's terms: what the protocol's data model
 * says, before ingest adds what only it knows (id, tenant, time of receipt, category).
 *
 * @param message the log line, or {@code null} for a structured event without one
 * @param fields every other field, named as the parser reads them ({@code @timestamp},
 * {@code log.level}, ...); nested maps and lists are kept as they are
 * @param service the emitting service, or {@code null} for
 * {@link io.logpipe.common.event.Source#UNKNOWN_SERVICE}
 * @param host the host, or {@code null}
 * @param environment the deployment environment, or {@code null}
 * @param format a hint how to parse {@code message}, or {@code null} to detect it
 * @param category a category the client asked for (checked against the key), or
 * {@code null} to let the routing rules decide
 * @param idSeed what makes the event the same on a retry (Elasticsearch's {@code _id}),
 * so that its id is derived from it; {@code null} for a new id
 * @param size the event's size in the request, checked against
 * {@code ingest.limits.max-event-size}
 */
public record ProtocolEvent(String message, Map<String, Object> fields, String service, String host, String environment,
		String format, String category, String idSeed, long size) implements ProtocolItem {

	public ProtocolEvent {
		fields = (fields != null) ? fields : Map.of();
	}

}
