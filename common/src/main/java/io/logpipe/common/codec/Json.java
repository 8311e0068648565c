package io.logpipe.common.codec;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;

/**
 * The writes the codec's writers share. The property writes leave the property out when
 * its value is {@code null}, as the mapper's {@code NON_NULL} inclusion did.
 */
final class Json {

	private Json() {
	}

	static void string(JsonGenerator out, SerializableString name, String value) {
		if (value != null) {
			out.writeName(name);
			out.writeString(value);
		}
	}

	/** An instant as {@link IsoInstants} writes it for the mapper. */
	static void instant(JsonGenerator out, SerializableString name, Instant value) {
		if (value != null) {
			out.writeName(name);
			out.writeString(IsoInstants.format(value));
		}
	}

	/**
	 * A free-form map ({@code fields}, {@code attributes}, ...) as the mapper's map
	 * serializer writes it: entries in the map's order, {@code null} values written. The
	 * values a JSON body gives (strings, booleans, ints, longs, doubles, maps and lists
	 * of them) are written here; any other value goes to the mapper. A key that is not a
	 * string (no reader of ours makes one: JSON names are strings) is written as its
	 * {@code toString()}, as the mapper writes numbers and other plain keys; checking
	 * every key before writing cost a second pass over every event's fields.
	 */
	static void map(JsonGenerator out, Map<?, ?> map) {
		out.writeStartObject(map, map.size());
		for (Map.Entry<?, ?> entry : map.entrySet()) {
			out.writeName(entry.getKey() instanceof String name ? name : String.valueOf(entry.getKey()));
			value(out, entry.getValue());
		}
		out.writeEndObject();
	}

	private static void value(JsonGenerator out, Object value) {
		if (value == null) {
			out.writeNull();
		}
		else if (value instanceof String text) {
			out.writeString(text);
		}
		else if (value instanceof Integer number) {
			out.writeNumber(number.intValue());
		}
		else if (value instanceof Long number) {
			out.writeNumber(number.longValue());
		}
		else if (value instanceof Double number) {
			out.writeNumber(number.doubleValue());
		}
		else if (value instanceof Boolean bool) {
			out.writeBoolean(bool);
		}
		else if (value instanceof Map<?, ?> map) {
			map(out, map);
		}
		else if (value instanceof List<?> list) {
			out.writeStartArray(list, list.size());
			for (Object element : list) {
				value(out, element);
			}
			out.writeEndArray();
		}
		else {
			out.writePOJO(value);
		}
	}

}
