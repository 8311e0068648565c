package io.logpipe.ingest.protocol;

import java.util.Map;
import java.util.Optional;

/**
 * Reads an ECS group's field from an event's fields in each of the ways shippers write
 * it: nested ({@code "service": {"name": "x"}}), dotted ({@code "service.name": "x"}),
 * or, for a name, the group as a plain string ({@code "service": "x"}).
 */
public final class EcsGroups {

	private EcsGroups() {
	}

	/** {@code group.name}, e.g. the service or host of an event. */
	public static Optional<String> name(Map<String, Object> fields, String group) {
		return text(fields.get(group)).or(() -> field(fields, group, "name"));
	}

	/** {@code group.field}, nested or dotted. */
	public static Optional<String> field(Map<String, Object> fields, String group, String field) {
		if (fields.get(group) instanceof Map<?, ?> nested) {
			Optional<String> value = text(nested.get(field));
			if (value.isPresent()) {
				return value;
			}
		}
		return text(fields.get(group + "." + field));
	}

	/** A plain, non-blank string field. */
	public static Optional<String> text(Map<String, Object> fields, String name) {
		return text(fields.get(name));
	}

	private static Optional<String> text(Object value) {
		return (value instanceof String text && !text.isBlank()) ? Optional.of(text) : Optional.empty();
	}

}
