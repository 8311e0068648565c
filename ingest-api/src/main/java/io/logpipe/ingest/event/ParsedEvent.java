package io.logpipe.ingest.event;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import tools.jackson.core.JsonToken;

/**
 * One event as {@link EventReader} read it: its value in the shapes of Jackson's untyped
 * binding, with what the limits need counted on the way.
 *
 * @param kind the event's first token, or {@code null} for a line that holds no value
 * @param value a {@code Map<String, Object>} for an object (owned by this event), else
 * what Jackson's untyped binding gives for the value, with a placeholder where a
 * container was too deep to keep
 * @param fields the event's fields, counted at every nesting level
 * @param tooDeep whether an object or array is nested deeper than the depth limit
 */
record ParsedEvent(JsonToken kind, Object value, int fields, boolean tooDeep) {

	/** An event of one field, its message, as a plain text line gives. */
	static ParsedEvent ofMessage(String message) {
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("message", message);
		return new ParsedEvent(JsonToken.START_OBJECT, event, 1, false);
	}

	/** The event's fields, or {@code null} when it is not a JSON object. */
	@SuppressWarnings("unchecked")
	Map<String, Object> object() {
		return (this.kind == JsonToken.START_OBJECT) ? (Map<String, Object>) this.value : null;
	}

	/** What the event is, for a rejection that wanted an object. */
	String describe() {
		if (this.kind == null) {
			return "nothing";
		}
		return switch (this.kind) {
			case START_ARRAY -> "an array";
			case VALUE_STRING -> "a string";
			case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
			case VALUE_TRUE, VALUE_FALSE -> "a boolean";
			case VALUE_NULL -> "null";
			default -> this.kind.name().toLowerCase(Locale.ROOT);
		};
	}

}
