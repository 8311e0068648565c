package io.logpipe.parser.parse;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fields of an event while the document is built: each field the document gives a
 * home is taken out, so whatever is left is what goes to {@code attributes}.
 */
final class FieldBag {

	private final Map<String, Object> fields;

	FieldBag(Map<String, Object> fields) {
		this.fields = new LinkedHashMap<>(fields);
	}

	/** Removes all the names and answers the value of the first one present. */
	Object take(String... names) {
		Object found = null;
		for (String name : names) {
			Object value = this.fields.remove(name);
			if (found == null && value != null) {
				found = value;
			}
		}
		return found;
	}

	/** Like {@link #take}, for a value that must be a non-blank string. */
	String takeText(String... names) {
		Object value = take(names);
		if (value instanceof String text) {
			return text.isBlank() ? null : text;
		}
		return (value instanceof Number || value instanceof Boolean) ? value.toString() : null;
	}

	Long takeLong(String... names) {
		Object value = take(names);
		if (value instanceof Number number) {
			return number.longValue();
		}
		if (value instanceof String text && !text.isBlank() && text.chars().allMatch(Character::isDigit)
				&& text.length() < 19) {
			return Long.parseLong(text);
		}
		return null;
	}

	/** A value without taking it out. */
	Object peek(String name) {
		return this.fields.get(name);
	}

	Map<String, Object> rest() {
		return this.fields;
	}

}
