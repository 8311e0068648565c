package io.logpipe.common.codec;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

import io.logpipe.common.event.Category;
import io.logpipe.common.event.RawLogRecord;
import io.logpipe.common.event.Source;
import io.logpipe.common.event.TraceContext;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a {@link RawLogRecord} on Jackson's streaming parser: the shape logpipe writes,
 * in one pass, without binding the record and its source and trace context through
 * Jackson's record creators (21% of parser-service's CPU, docs/performance).
 *
 * <p>
 * It takes what the bean binding takes without coercion: strings or {@code null} where
 * strings belong, an {@code int} or {@code null} for {@code schemaVersion}, an instant in
 * {@link IsoInstants}' form, a known category, an object for {@code fields}, each
 * property at most once, and nothing after the record. Unknown properties are skipped.
 * Anything else (a coercion, an offset in an instant, a wrong type, broken JSON) answers
 * {@code null}: the caller then reads the bytes with the bean binding, so that such input
 * is read, or refused with the very message, as before.
 */
final class RawRecordReader {

	private static final Category[] CATEGORIES = Category.values();

	private static final String[] WIRE_NAMES = Arrays.stream(CATEGORIES).map(Category::wireName).toArray(String[]::new);

	private final JsonMapper mapper;

	private final JavaType fieldsType;

	RawRecordReader(JsonMapper mapper) {
		this.mapper = mapper;
		this.fieldsType = mapper.getTypeFactory().constructMapType(Map.class, String.class, Object.class);
	}

	/** The record, or {@code null} when the bytes are not in the shape above. */
	RawLogRecord read(byte[] json) {
		try (JsonParser parser = this.mapper.createParser(json)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				return null;
			}
			RawLogRecord record = record(parser);
			return (record != null && parser.nextToken() == null) ? record : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private RawLogRecord record(JsonParser parser) {
		int seen = 0;
		int schemaVersion = 0;
		String id = null;
		String tenant = null;
		Instant receivedAt = null;
		Category category = null;
		String protocol = null;
		Source source = null;
		String message = null;
		Map<String, Object> fields = null;
		String format = null;
		TraceContext trace = null;
		for (String name = parser.nextName(); name != null; name = parser.nextName()) {
			JsonToken token = parser.nextToken();
			int bit = switch (name) {
				case "schemaVersion" -> 1;
				case "id" -> 1 << 1;
				case "tenant" -> 1 << 2;
				case "receivedAt" -> 1 << 3;
				case "category" -> 1 << 4;
				case "protocol" -> 1 << 5;
				case "source" -> 1 << 6;
				case "message" -> 1 << 7;
				case "fields" -> 1 << 8;
				case "format" -> 1 << 9;
				case "trace" -> 1 << 10;
				default -> 0;
			};
			if (bit == 0) {
				parser.skipChildren();
				continue;
			}
			if ((seen & bit) != 0 || !expected(name, token, parser)) {
				return null;
			}
			seen |= bit;
			switch (name) {
				case "schemaVersion" -> schemaVersion = (token == JsonToken.VALUE_NULL) ? 0 : parser.getIntValue();
				case "id" -> id = string(parser, token);
				case "tenant" -> tenant = string(parser, token);
				case "receivedAt" -> {
					if (token != JsonToken.VALUE_NULL) {
						receivedAt = IsoInstants.parse(parser.getString());
						if (receivedAt == null) {
							return null;
						}
					}
				}
				case "category" -> {
					if (token != JsonToken.VALUE_NULL) {
						category = category(parser.getString());
						if (category == null) {
							return null;
						}
					}
				}
				case "protocol" -> protocol = string(parser, token);
				case "source" -> {
					if (token != JsonToken.VALUE_NULL) {
						source = source(parser);
						if (source == null) {
							return null;
						}
					}
				}
				case "message" -> message = string(parser, token);
				case "fields" -> fields = (token == JsonToken.VALUE_NULL) ? null : parser.readValueAs(this.fieldsType);
				case "format" -> format = string(parser, token);
				default -> {
					if (token != JsonToken.VALUE_NULL) {
						trace = trace(parser);
						if (trace == null) {
							return null;
						}
					}
				}
			}
		}
		return new RawLogRecord(schemaVersion, id, tenant, receivedAt, category, protocol, source, message, fields,
				format, trace);
	}

	/**
	 * The category of its wire name, as {@link Category#parse} reads it; the names
	 * logpipe writes are matched first, without lower-casing.
	 */
	private static Category category(String name) {
		for (Category category : CATEGORIES) {
			if (WIRE_NAMES[category.ordinal()].equals(name)) {
				return category;
			}
		}
		return Category.parse(name).orElse(null);
	}

	/** Whether the token is one the bean binding takes as it is, without coercion. */
	private static boolean expected(String name, JsonToken token, JsonParser parser) {
		if (token == JsonToken.VALUE_NULL) {
			return true;
		}
		return switch (name) {
			case "schemaVersion" ->
				token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == JsonParser.NumberType.INT;
			case "source", "fields", "trace" -> token == JsonToken.START_OBJECT;
			default -> token == JsonToken.VALUE_STRING;
		};
	}

	private static Source source(JsonParser parser) {
		String[] values = strings(parser, "service", "host", "environment", "clientAddress");
		return (values != null) ? new Source(values[0], values[1], values[2], values[3]) : null;
	}

	private static TraceContext trace(JsonParser parser) {
		String[] values = strings(parser, "traceId", "spanId");
		return (values != null) ? new TraceContext(values[0], values[1]) : null;
	}

	/**
	 * The string properties of the object the parser is in, in the order of
	 * {@code names}; unknown properties skipped; {@code null} when one is not a string or
	 * {@code null}, or comes twice.
	 */
	private static String[] strings(JsonParser parser, String... names) {
		String[] values = new String[names.length];
		int seen = 0;
		for (String name = parser.nextName(); name != null; name = parser.nextName()) {
			JsonToken token = parser.nextToken();
			int index = indexOf(names, name);
			if (index < 0) {
				parser.skipChildren();
				continue;
			}
			if ((seen & (1 << index)) != 0 || (token != JsonToken.VALUE_STRING && token != JsonToken.VALUE_NULL)) {
				return null;
			}
			seen |= 1 << index;
			values[index] = string(parser, token);
		}
		return values;
	}

	/**
	 * The string, or {@code null} for a JSON {@code null} (whose text the parser gives as
	 * {@code "null"}).
	 */
	private static String string(JsonParser parser, JsonToken token) {
		return (token == JsonToken.VALUE_STRING) ? parser.getString() : null;
	}

	private static int indexOf(String[] names, String name) {
		for (int i = 0; i < names.length; i++) {
			if (names[i].equals(name)) {
				return i;
			}
		}
		return -1;
	}

}
