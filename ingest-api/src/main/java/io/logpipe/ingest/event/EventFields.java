package io.logpipe.ingest.event;

import java.util.Map;
import java.util.Optional;

/** Reads the string fields of an event that ingest itself looks at. */
final class EventFields {

	private EventFields() {
	}

	/** A plain string field. */
	static Optional<String> text(Map<String, Object> event, String name) {
		return (event.get(name) instanceof String value) ? Optional.of(value) : Optional.empty();
	}

	/**
	 * A field of an ECS group, given as an object {@code "group": {"field": "x"}} or with
	 * a dotted key {@code "group.field": "x"}.
	 */
	static Optional<String> grouped(Map<String, Object> event, String group, String field) {
		if (event.get(group) instanceof Map<?, ?> object && object.get(field) instanceof String value) {
			return Optional.of(value);
		}
		return text(event, group + "." + field);
	}

	/**
	 * The name of a group such as {@code service} or {@code host}: a plain string
	 * {@code "service": "x"} stands for {@code service.name}.
	 */
	static Optional<String> named(Map<String, Object> event, String group) {
		return text(event, group).or(() -> grouped(event, group, "name"));
	}

}
