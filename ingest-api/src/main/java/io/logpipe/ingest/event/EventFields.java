package io.logpipe.ingest.event;

import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Reads the string fields of an event that ingest itself looks at. */
final class EventFields {

	private EventFields() {
	}

	/** A plain string field. */
	static Optional<String> text(ObjectNode event, String name) {
		JsonNode value = event.get(name);
		return (value != null && value.isString()) ? Optional.of(value.asString()) : Optional.empty();
	}

	/**
	 * A field of an ECS group, given as an object {@code "group": {"field": "x"}} or with
	 * a dotted key {@code "group.field": "x"}.
	 */
	static Optional<String> grouped(ObjectNode event, String group, String field) {
		JsonNode value = event.get(group);
		if (value != null && value.isObject() && value.get(field) != null && value.get(field).isString()) {
			return Optional.of(value.get(field).asString());
		}
		return text(event, group + "." + field);
	}

	/**
	 * The name of a group such as {@code service} or {@code host}: a plain string
	 * {@code "service": "x"} stands for {@code service.name}.
	 */
	static Optional<String> named(ObjectNode event, String group) {
		return text(event, group).or(() -> grouped(event, group, "name"));
	}

}
