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
 * is CPU that Elasticsearch no longer has.
 *
 * <p>
 * The pass stops at the last member it needs: once {@code @timestamp}, {@code event},
 * {@code service} and {@code organization} are read, the rest of the document (labels,
 * attributes, HTTP and trace fields: most of it, since the parser writes the routing
 * members first) is left to Elasticsearch, which parses it anyway and rejects a malformed
 * document as an item of the bulk ({@code BatchWriter} dead-letters it with
 * Elasticsearch's reason). Two things stay this pass's: a document that is not a JSON
 * object, or lacks the id or the timestamp, is rejected here; and a document with a line
 * feed is read whole (a line feed ends a line of the bulk body, so only a document known
 * to be well-formed JSON may carry one, and it is sent with spaces in their place, see
 * {@link #withIngested}).
 *
 * @param id {@code event.id}, the {@code _id}
 * @param serviceName {@code service.name}, or {@code null}
 * @param tenant {@code organization.id}, or {@code null}
 * @param created {@code event.created} (when ingest-api received the event), or
 * {@code null} when missing or unreadable (it only feeds the end-to-end latency)
 * @param eventObject the byte offset of the {@code event} object's opening brace, where
 * {@link #withIngested} inserts {@code event.ingested}; -1 when the document already has
 * one (a parser of an older version wrote it)
 * @param lineFeeds whether the document has line feeds (whitespace between its tokens,
 * since it was read whole)
 */
public record DocumentKeys(String id, String serviceName, String tenant, Instant created, long eventObject,
		boolean lineFeeds) {

	private static final byte[] INGESTED = "\"ingested\":\"".getBytes(StandardCharsets.US_ASCII);

	/** The four top-level members the pass reads; the rest it may leave unread. */
	private static final int ALL_READ = 0b1111;

	/**
	 * {@code now} as {@link #withIngested} writes it: taken once for a whole batch, since
	 * every document of it is handed over at the same moment.
	 */
	public static byte[] ingestedText(Instant now) {
		return now.toString().getBytes(StandardCharsets.US_ASCII);
	}

	/**
	 * The document with {@code event.ingested} set to {@code time} (see
	 * {@link #ingestedText}): the indexer's time of taking it for Elasticsearch, as close
	 * as the indexer gets to when it reached the store (an ingest pipeline would be
	 * closer, but the Elasticsearch the tests run has no ingest processors). One copy of
	 * the bytes; the rest of the document is not parsed again. Line feeds become spaces,
	 * so that the document is one line of the bulk body.
	 */
	public byte[] withIngested(byte[] json, byte[] time) {
		if (this.eventObject < 0) {
			return this.lineFeeds ? oneLine(json.clone()) : json;
		}
		int brace = (int) this.eventObject;
		int next = brace + 1;
		while (next < json.length && Character.isWhitespace(json[next])) {
			next++;
		}
		boolean empty = next < json.length && json[next] == '}';
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
		return this.lineFeeds ? oneLine(stamped) : stamped;
	}

	/**
	 * In place: in a well-formed JSON document a line feed can only be whitespace between
	 * tokens (inside a string it is escaped, and UTF-8 never uses the byte otherwise).
	 */
	private static byte[] oneLine(byte[] json) {
		for (int i = 0; i < json.length; i++) {
			if (json[i] == '\n') {
				json[i] = ' ';
			}
		}
		return json;
	}

	/**
	 * @throws EventDecodingException when {@code json} does not start as one JSON object
	 * with an {@code event.id} and a {@code @timestamp}, or, when it has a line feed, is
	 * not one well-formed JSON object
	 */
	public static DocumentKeys read(ObjectMapper mapper, byte[] json) {
		if (json == null || json.length == 0) {
			throw new EventDecodingException("empty value, expected a document");
		}
		boolean lineFeeds = hasLineFeed(json);
		try (JsonParser parser = mapper.createParser(json)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				throw new EventDecodingException("not a document: not a JSON object");
			}
			Reading reading = new Reading();
			int read = 0;
			for (String name = parser.nextName(); name != null; name = parser.nextName()) {
				JsonToken value = parser.nextToken();
				switch (name) {
					case "@timestamp" -> {
						reading.timestamp = readString(parser, value);
						read |= 0b0001;
					}
					case "event" -> {
						reading.eventObject = parser.currentTokenLocation().getByteOffset();
						reading.readObject(parser, value, Member.EVENT);
						read |= 0b0010;
					}
					case "service" -> {
						reading.readObject(parser, value, Member.SERVICE);
						read |= 0b0100;
					}
					case "organization" -> {
						reading.readObject(parser, value, Member.ORGANIZATION);
						read |= 0b1000;
					}
					default -> parser.skipChildren();
				}
				if (read == ALL_READ && !lineFeeds) {
					break;
				}
			}
			boolean readWhole = read != ALL_READ || lineFeeds;
			if (readWhole && parser.nextToken() != null) {
				throw new EventDecodingException("not a document: more than one JSON value");
			}
			if (reading.id == null || reading.timestamp == null) {
				throw new EventDecodingException("document lacks event.id or @timestamp");
			}
			return new DocumentKeys(reading.id, reading.serviceName, reading.tenant, instant(reading.created),
					reading.hasIngested ? -1 : reading.eventObject, lineFeeds);
		}
		catch (JacksonException ex) {
			throw new EventDecodingException("not a document: " + ex.getOriginalMessage(), ex);
		}
	}

	private static boolean hasLineFeed(byte[] json) {
		for (byte b : json) {
			if (b == '\n') {
				return true;
			}
		}
		return false;
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

	/** The objects whose members the pass reads. */
	private enum Member {

		EVENT, SERVICE, ORGANIZATION

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

		/**
		 * Reads the string members of {@code member} that it wants; any other value is
		 * skipped undecoded (event.original, the raw line, is the bulk of many
		 * documents).
		 */
		void readObject(JsonParser parser, JsonToken start, Member member) {
			if (start != JsonToken.START_OBJECT) {
				parser.skipChildren();
				return;
			}
			for (String name = parser.nextName(); name != null; name = parser.nextName()) {
				JsonToken value = parser.nextToken();
				if (value == JsonToken.VALUE_STRING) {
					read(member, name, parser);
				}
				else {
					parser.skipChildren();
				}
			}
		}

		private void read(Member member, String name, JsonParser parser) {
			switch (member) {
				case EVENT -> {
					switch (name) {
						case "id" -> this.id = parser.getString();
						case "created" -> this.created = parser.getString();
						case "ingested" -> this.hasIngested = true;
						default -> {
						}
					}
				}
				case SERVICE -> {
					if (name.equals("name")) {
						this.serviceName = parser.getString();
					}
				}
				case ORGANIZATION -> {
					if (name.equals("id")) {
						this.tenant = parser.getString();
					}
				}
			}
		}

	}

}
