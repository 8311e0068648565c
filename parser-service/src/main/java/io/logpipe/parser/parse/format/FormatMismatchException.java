package io.logpipe.parser.parse.format;

/**
 * A message could not be read in the format its record asked for. Expected on bad input,
 * so it carries no stack trace.
 */
public final class FormatMismatchException extends RuntimeException {

	private final String reason;

	FormatMismatchException(String reason, String detail) {
		super(detail, null, false, false);
		this.reason = reason;
	}

	/**
	 * A stable reason: {@code unknown-format}, {@code format-mismatch} or
	 * {@code pattern-timeout}.
	 */
	public String reason() {
		return this.reason;
	}

}
