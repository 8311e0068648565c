package io.logpipe.ingest.event;

import java.util.Locale;

import io.logpipe.ingest.body.Utf8;
import io.logpipe.ingest.problem.ProblemType;
import io.logpipe.service.problem.ProblemException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Splits a decoded body into events, each with its size in bytes, by its
 * {@link BodyFormat}. A line too large or not JSON is rejected on its own; a JSON body
 * that does not parse fails as a whole, since its events cannot be told apart.
 */
final class BodySplitter {

	private final JsonMapper mapper;

	private final EventReader reader;

	private final EventLimits limits;

	BodySplitter(JsonMapper mapper, EventReader reader, EventLimits limits) {
		this.mapper = mapper;
		this.reader = reader;
		this.limits = limits;
	}

	/** Where the events of a body go, in request order. */
	interface Events {

		void event(ParsedEvent event, long size);

		void rejected(ProblemException problem);

	}

	/**
	 * @throws ProblemException {@link ProblemType#MALFORMED_BODY} for JSON that does not
	 * parse
	 */
	void split(byte[] body, BodyFormat format, Events events) {
		switch (format) {
			case JSON -> splitJson(body, events);
			case NDJSON -> splitLines(body, events, this::ndjsonLine);
			case TEXT -> splitLines(body, events, this::textLine);
		}
	}

	private void splitJson(byte[] body, Events events) {
		try (JsonParser parser = this.mapper.createParser(body)) {
			JsonToken first = parser.nextToken();
			if (first == JsonToken.START_ARRAY) {
				while (parser.nextToken() != JsonToken.END_ARRAY) {
					long start = parser.currentTokenLocation().getByteOffset();
					ParsedEvent event = this.reader.read(parser);
					events.event(event, parser.currentLocation().getByteOffset() - start);
				}
			}
			else if (first == JsonToken.START_OBJECT) {
				events.event(this.reader.read(parser), body.length);
			}
			else {
				throw new ProblemException(ProblemType.MALFORMED_BODY,
						"the body must be a JSON object or an array of objects, not " + describe(first));
			}
			if (parser.nextToken() != null) {
				throw new ProblemException(ProblemType.MALFORMED_BODY,
						"the body is not valid JSON: content after the end of the first value at "
								+ parser.currentTokenLocation().offsetDescription());
			}
		}
		catch (JacksonException ex) {
			// A broken stream constraint (nesting over Jackson's bound) has no location.
			String at = (ex.getLocation() != null) ? " at " + ex.getLocation().offsetDescription() : "";
			throw new ProblemException(ProblemType.MALFORMED_BODY,
					"the body is not valid JSON: " + ex.getOriginalMessage() + at, ex);
		}
	}

	private void splitLines(byte[] body, Events events, LineParser parser) {
		int start = 0;
		while (start < body.length) {
			int end = start;
			while (end < body.length && body[end] != '\n') {
				end++;
			}
			int lineEnd = (end > start && body[end - 1] == '\r') ? end - 1 : end;
			if (!isBlank(body, start, lineEnd)) {
				line(body, start, lineEnd - start, events, parser);
			}
			start = end + 1;
		}
	}

	private void line(byte[] body, int offset, int length, Events events, LineParser parser) {
		ParsedEvent event;
		try {
			// Before parsing: an oversized line is not worth the parser's time.
			this.limits.checkSize(length);
			event = parser.parse(body, offset, length);
		}
		catch (ProblemException ex) {
			events.rejected(ex);
			return;
		}
		// Outside the try: the event limit fails the whole request, not this line.
		events.event(event, length);
	}

	private ParsedEvent ndjsonLine(byte[] body, int offset, int length) {
		try (JsonParser parser = this.mapper.createParser(body, offset, length)) {
			JsonToken first = parser.nextToken();
			ParsedEvent event = (first != null) ? this.reader.read(parser) : new ParsedEvent(null, null, 0, false);
			if (parser.nextToken() != null) {
				throw new ProblemException(ProblemType.INVALID_EVENT,
						"the line is not valid JSON: content after the end of its first value at "
								+ parser.currentTokenLocation().offsetDescription());
			}
			return event;
		}
		catch (JacksonException ex) {
			throw new ProblemException(ProblemType.INVALID_EVENT,
					"the line is not valid JSON: " + ex.getOriginalMessage());
		}
	}

	private ParsedEvent textLine(byte[] body, int offset, int length) {
		String line = Utf8.decode(body, offset, length)
			.orElseThrow(() -> new ProblemException(ProblemType.INVALID_EVENT, "the line is not valid UTF-8"));
		return ParsedEvent.ofMessage(line);
	}

	private static boolean isBlank(byte[] body, int start, int end) {
		for (int i = start; i < end; i++) {
			if (body[i] != ' ' && body[i] != '\t') {
				return false;
			}
		}
		return true;
	}

	private static String describe(JsonToken token) {
		if (token == null) {
			return "nothing";
		}
		return switch (token) {
			case VALUE_STRING -> "a string";
			case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
			case VALUE_TRUE, VALUE_FALSE -> "a boolean";
			case VALUE_NULL -> "null";
			default -> token.name().toLowerCase(Locale.ROOT);
		};
	}

	@FunctionalInterface
	private interface LineParser {

		ParsedEvent parse(byte[] body, int offset, int length);

	}

}
