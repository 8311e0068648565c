package io.logpipe.indexer.index;

import java.nio.charset.StandardCharsets;
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
 * @param created {@code event.created} (when ingest-api received the event), or
 * {@code null} when missing or unreadable (it only feeds the end-to-end latency)
 * @param eventObject the byte offset of the {@code event} object's opening brace, where
 * {@link #withIngested} inserts {@code event.ingested}; -1 when the document already has
 * one (a parser of an older version wrote it)
 */
public record DocumentKeys(String id, String serviceName, String tenant, Instant created, long eventObject) {

	private static final byte[] INGESTED = "\"ingested\":\"".getBytes(StandardCharsets.US_ASCII);

	/**
	 * The document with {@code event.ingested} set to {@code now}: the indexer's time of
	 * taking it for Elasticsearch, as close as the indexer gets to when it reached the
	 * store (an ingest pipeline would be closer, but the Elasticsearch the tests run has
	 * no ingest processors). One copy of the bytes; the rest of the document is not
	 * parsed again.
	 */
	public byte[] withIngested(byte[] json, Instant now) {
		if (this.eventObject < 0) {
			return json;
		}
		int brace = (int) this.eventObject;
		int next = brace + 1;
		while (next < json.length && Character.isWhitespace(json[next])) {
			next++;
		}
		boolean empty = next < json.length && json[next] == '}';
		byte[] time = now.toString().getBytes(StandardCharsets.US_ASCII);
		byte[] stamped = new byte[json.length + INGESTED.length + time.length + (empty ? 1 : 2)];
		System.arraycopy(json, 0, stamped, 0, brace + 1);
		int at = brace + 1;
		System.arraycopy(INGESTED, 0, stamped, at, INGESTED.length);
		at += INGESTED.length;
		System.arraycopy(time, 0, stamped, at, time.length);
		at += time.length;
		stamped[at++] = '"';
		if (!empty) {
			stamped[at++] = ',';
		}
		System.arraycopy(json, brace + 1, stamped, at, json.length - brace - 1);
		return stamped;
	}

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
					case "event" -> {
						reading.eventObject = parser.currentTokenLocation().getByteOffset();
						readObject(parser, value, reading::event);
					}
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
			return new DocumentKeys(reading.id, reading.serviceName, reading.tenant, instant(reading.created),
					reading.hasIngested ? -1 : reading.eventObject);
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

		String created;

		long eventObject = -1;

		boolean hasIngested;

		String serviceName;

		String tenant;

		void event(String name, String value) {
			switch (name) {
				case "id" -> this.id = value;
				case "created" -> this.created = value;
				case "ingested" -> this.hasIngested = true;
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
