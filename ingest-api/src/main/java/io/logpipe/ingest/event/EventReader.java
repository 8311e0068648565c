package io.logpipe.ingest.event;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Reads one event off a streaming parser straight into the maps and values its
 * {@link io.logpipe.common.event.RawLogRecord} carries, counting its fields and depth on
 * the way. It replaces a JSON tree that was built, walked for the limits and then
 * converted again, value by value, into the same maps: three passes over each event and
 * the largest part of ingest-api's own allocation (JFR, issue 13).
 *
 * <p>
 * The values are those of Jackson's untyped binding: objects as insertion-ordered maps (a
 * repeated name keeps its first place and its last value, as a tree did), arrays as
 * lists, integers as the smallest of {@code Integer}, {@code Long} and
 * {@code BigInteger}, other numbers as {@code Double}. A container deeper than the depth
 * limit is skipped and a placeholder kept in its place: the event is rejected for it
 * (unless a repeated name drops it, as a tree dropped it), and skipping bounds the
 * recursion by the limit. Thread-safe.
 */
final class EventReader {

	/** Where a container too deep to keep was. */
	private static final Object TOO_DEEP = new Object();

	private final int maxDepth;

	EventReader(int maxDepth) {
		this.maxDepth = maxDepth;
	}

	/**
	 * @param parser on the event's first token; left on its last
	 * @throws tools.jackson.core.JacksonException for JSON that does not parse
	 */
	ParsedEvent read(JsonParser parser) {
		Reading reading = new Reading(parser, this.maxDepth);
		JsonToken kind = parser.currentToken();
		Object value = reading.value(kind, 1);
		return new ParsedEvent(kind, value, reading.fields, reading.tooDeep > 0);
	}

	/** The counts of one event while it is read. */
	private static final class Reading {

		private final JsonParser parser;

		private final int maxDepth;

		private int fields;

		/** The placeholders of containers too deep to keep. */
		private int tooDeep;

		Reading(JsonParser parser, int maxDepth) {
			this.parser = parser;
			this.maxDepth = maxDepth;
		}

		Object value(JsonToken token, int depth) {
			return switch (token) {
				case START_OBJECT -> object(depth);
				case START_ARRAY -> array(depth);
				case VALUE_STRING -> this.parser.getString();
				case VALUE_NUMBER_INT -> this.parser.getNumberValue();
				case VALUE_NUMBER_FLOAT -> this.parser.getDoubleValue();
				case VALUE_TRUE -> Boolean.TRUE;
				case VALUE_FALSE -> Boolean.FALSE;
				case VALUE_NULL -> null;
				default -> throw new IllegalStateException("no JSON value starts with " + token);
			};
		}

		private Object object(int depth) {
			if (skippedTooDeep(depth)) {
				return TOO_DEEP;
			}
			Map<String, Object> object = new LinkedHashMap<>();
			String name;
			while ((name = this.parser.nextName()) != null) {
				Object dropped = object.put(name, value(this.parser.nextToken(), depth + 1));
				if (dropped != null) {
					// A repeated name: its first value is gone, so what it held no longer
					// counts.
					this.fields -= fieldsIn(dropped);
					this.tooDeep -= tooDeepIn(dropped);
				}
			}
			this.fields += object.size();
			return object;
		}

		private Object array(int depth) {
			if (skippedTooDeep(depth)) {
				return TOO_DEEP;
			}
			List<Object> array = new ArrayList<>();
			JsonToken token;
			while ((token = this.parser.nextToken()) != JsonToken.END_ARRAY) {
				array.add(value(token, depth + 1));
			}
			return array;
		}

		private boolean skippedTooDeep(int depth) {
			if (depth <= this.maxDepth) {
				return false;
			}
			this.tooDeep++;
			this.parser.skipChildren();
			return true;
		}

		private static int fieldsIn(Object value) {
			int fields = (value instanceof Map<?, ?> object) ? object.size() : 0;
			for (Object child : children(value)) {
				fields += fieldsIn(child);
			}
			return fields;
		}

		private static int tooDeepIn(Object value) {
			int tooDeep = (value == TOO_DEEP) ? 1 : 0;
			for (Object child : children(value)) {
				tooDeep += tooDeepIn(child);
			}
			return tooDeep;
		}

		private static Iterable<?> children(Object value) {
			return (value instanceof Map<?, ?> object) ? object.values()
					: (value instanceof List<?> array) ? array : List.of();
		}

	}

}
