package io.logpipe.parser.parse;

import io.logpipe.common.event.LogDocument;

/**
 * What parsing made of a record: always a document, and when the message could not be
 * read in the format its record asked for, the failure (the document then carries the raw
 * message and {@link LogDocument#TAG_PARSE_FAILURE}).
 *
 * @param document the document
 * @param failure why parsing failed, or {@code null}
 */
public record ParseResult(LogDocument document, Failure failure) {

	/**
	 * A parse failure.
	 *
	 * @param reason a stable reason: {@code unknown-format}, {@code format-mismatch},
	 * {@code pattern-timeout}
	 * @param detail what happened, for people
	 */
	public record Failure(String reason, String detail) {
	}

}
