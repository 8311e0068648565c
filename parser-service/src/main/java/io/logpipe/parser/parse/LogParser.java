package io.logpipe.parser.parse;

import java.util.LinkedHashMap;
import java.util.Map;

import io.logpipe.common.event.RawLogRecord;
import io.logpipe.parser.parse.enrich.UserAgentParser;
import io.logpipe.parser.parse.format.Extracted;
import io.logpipe.parser.parse.format.FormatMismatchException;
import io.logpipe.parser.parse.format.Formats;
import io.logpipe.parser.parse.time.TimestampResolver;

/**
 * The parse step as a pure function: a raw record in, a document (and maybe a failure)
 * out. No Kafka, no shared mutable state: the listener and the benchmark call it the same
 * way, from any number of threads.
 *
 * <p>
 * The message is read in its hinted format or a detected one; the fields it yields are
 * merged under the envelope's fields (what the client sent as structured fields wins over
 * what the parser read out of the line).
 */
public final class LogParser {

	private final Formats formats;

	private final DocumentBuilder documents;

	public LogParser(Formats formats, TimestampResolver timestamps, UserAgentParser userAgents) {
		this.formats = formats;
		this.documents = new DocumentBuilder(timestamps, userAgents);
	}

	public ParseResult parse(RawLogRecord raw) {
		Map<String, Object> fields = new LinkedHashMap<>();
		String format = raw.format();
		ParseResult.Failure failure = null;
		if (raw.message() != null && !raw.message().isEmpty()) {
			try {
				Extracted extracted = this.formats.read(raw.message(), raw.format());
				fields.putAll(extracted.fields());
				format = extracted.format();
			}
			catch (FormatMismatchException ex) {
				failure = new ParseResult.Failure(ex.reason(), ex.getMessage());
			}
		}
		fields.putAll(raw.fields());
		return new ParseResult(this.documents.build(raw, format, fields, failure != null), failure);
	}

}
