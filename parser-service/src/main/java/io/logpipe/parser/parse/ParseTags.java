package io.logpipe.parser.parse;

/** Tags the parser puts on documents, besides {@code LogDocument.TAG_PARSE_FAILURE}. */
public final class ParseTags {

	/**
	 * The event's time lay too far after its receipt and was replaced by the time of
	 * receipt; {@code logpipe.timestamp_original} keeps what it said.
	 */
	public static final String TIMESTAMP_CLAMPED = "_logpipe_timestamp_clamped";

	/** A redaction rule replaced something in the document. */
	public static final String REDACTED = "_logpipe_redacted";

	private ParseTags() {
	}

}
