package io.logpipe.ingest.protocol.loki;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.logpipe.ingest.protocol.ProtocolEvent;

/**
 * Maps a Loki stream's labels and its entries onto logpipe's events, the same for the
 * protobuf and the JSON push:
 *
 * <ul>
 * <li>{@code service_name}, else {@code service}, {@code app} or {@code job} (the first
 * present, in the order Loki itself looks for a service name) becomes the service;
 * {@code level} or {@code detected_level} becomes {@code log.level}; {@code host} or
 * {@code hostname} the host; {@code environment} or {@code env} the environment;</li>
 * <li>every other label is kept under {@code labels};</li>
 * <li>an entry's line becomes the message, its nanosecond timestamp {@code @timestamp},
 * its structured metadata stays as fields under its own names (so {@code trace_id} and
 * {@code span_id} become the document's {@code trace.id} and {@code span.id}).</li>
 * </ul>
 */
final class LokiStreamMapper {

	private static final List<String> SERVICE = List.of("service_name", "service", "app", "job");

	private static final List<String> LEVEL = List.of("level", "detected_level");

	private static final List<String> HOST = List.of("host", "hostname");

	private static final List<String> ENVIRONMENT = List.of("environment", "env");

	private final String service;

	private final String host;

	private final String environment;

	private final Map<String, Object> shared;

	/**
	 * @param labels the stream's labels; the mapper takes what it maps out of them
	 */
	LokiStreamMapper(Map<String, String> labels) {
		Map<String, String> rest = new LinkedHashMap<>(labels);
		this.service = take(rest, SERVICE);
		this.host = take(rest, HOST);
		this.environment = take(rest, ENVIRONMENT);
		String level = take(rest, LEVEL);
		this.shared = new LinkedHashMap<>(4);
		if (level != null) {
			this.shared.put("log.level", level);
		}
		if (!rest.isEmpty()) {
			this.shared.put("labels", rest);
		}
	}

	ProtocolEvent entry(Instant timestamp, String line, Map<String, String> structuredMetadata) {
		Map<String, Object> fields = new LinkedHashMap<>(this.shared);
		long size = line.length();
		for (Map.Entry<String, String> metadata : structuredMetadata.entrySet()) {
			fields.put(metadata.getKey(), metadata.getValue());
			size += metadata.getKey().length() + metadata.getValue().length();
		}
		fields.put("@timestamp", timestamp.toString());
		return new ProtocolEvent(line, fields, this.service, this.host, this.environment, null, null, null, size);
	}

	/**
	 * The first of the names present with a non-blank value, taken out of the labels; the
	 * others stay.
	 */
	private static String take(Map<String, String> labels, List<String> names) {
		for (String name : names) {
			String value = labels.get(name);
			if (value != null && !value.isBlank()) {
				labels.remove(name);
				return value;
			}
		}
		return null;
	}

}
