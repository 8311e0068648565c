package io.logpipe.indexer.index;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.ObjectMapper;

import io.logpipe.common.codec.EventDecodingException;
import io.logpipe.common.codec.IsoInstants;

/**
 * The few fields of a parsed document the indexer routes by, read in one streaming pass
 * without building the document.
 *
 * <p>
 * Why not {@code EventCodec.decodeDocument}: the indexer sends the bytes as they are, so
 * binding every field of every document only to read four of them was work thrown away,
 * and profiling showed it taking about half of the indexer's CPU, which on a small node
 * is CPU that Elasticsearch no longer has. The pass still reads the whole document, so
 * anything that is not one well-formed JSON object is rejected here, as before.
 *
 * @param id {@code event.id}, the {@code _id}
 * @param serviceName {@code service.name}, or {@code null}
 * @param tenant {@code organization.id}, or {@code null}
 * @param ingested {@code event.ingested}, or {@code null} when missing or unreadable (it
 * only feeds the end-to-end latency)
 */
public record DocumentKeys(String id, String serviceName, String tenant, Instant ingested) {

	/**
	 * @throws EventDecodingException when {@code json} is not one JSON object with an
	 * {@code event.id} and a {@code @timestamp}
	 */
	public static DocumentKeys read(ObjectMapper mapper, byte[] json) {
		if (json == null || json.length == 0) {
			throw new EventDecodingException("empty value, expected a document");
		}
		try (JsonParser parser = mapper.createParser(json)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				throw new EventDecodingException("not a document: not a JSON object");
			}
			Reading reading = new Reading();
			for (String name = parser.nextName(); name != null; name = parser.nextName()) {
				JsonToken value = parser.nextToken();
				switch (name) {
					case "@timestamp" -> reading.timestamp = readString(parser, value);
					case "event" -> readObject(parser, value, reading::event);
					case "service" -> readObject(parser, value, reading::service);
					case "organization" -> readObject(parser, value, reading::organization);
					default -> parser.skipChildren();
				}
			}
			if (parser.nextToken() != null) {
				throw new EventDecodingException("not a document: more than one JSON value");
			}
			if (reading.id == null || reading.timestamp == null) {
				throw new EventDecodingException("document lacks event.id or @timestamp");
			}
			return new DocumentKeys(reading.id, reading.serviceName, reading.tenant, instant(reading.ingested));
		}
		catch (JacksonException ex) {
			throw new EventDecodingException("not a document: " + ex.getOriginalMessage(), ex);
		}
	}

	/** Calls {@code field} with the name and text of each string member of an object. */
	private static void readObject(JsonParser parser, JsonToken start, StringField field) {
		if (start != JsonToken.START_OBJECT) {
			parser.skipChildren();
			return;
		}
		for (String name = parser.nextName(); name != null; name = parser.nextName()) {
			String value = readString(parser, parser.nextToken());
			if (value != null) {
				field.read(name, value);
			}
		}
	}

	/** The text of a string value; any other value is skipped whole. */
	private static String readString(JsonParser parser, JsonToken value) {
		if (value == JsonToken.VALUE_STRING) {
			return parser.getString();
		}
		parser.skipChildren();
		return null;
	}

	private static Instant instant(String text) {
		if (text == null) {
			return null;
		}
		Instant written = IsoInstants.parse(text);
		if (written != null) {
			return written;
		}
		try {
			return Instant.parse(text);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	@FunctionalInterface
	private interface StringField {

		void read(String name, String value);

	}

	/** What one pass has found so far. */
	private static final class Reading {

		String timestamp;

		String id;

		String ingested;

		String serviceName;

		String tenant;

		void event(String name, String value) {
			switch (name) {
				case "id" -> this.id = value;
				case "ingested" -> this.ingested = value;
				default -> {
				}
			}
		}

		void service(String name, String value) {
			if (name.equals("name")) {
				this.serviceName = value;
			}
		}

		void organization(String name, String value) {
			if (name.equals("id")) {
				this.tenant = value;
			}
		}

	}

}
