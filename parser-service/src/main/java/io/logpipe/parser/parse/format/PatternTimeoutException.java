package io.logpipe.parser.parse.format;

/**
 * A pattern ran past its time budget. Carries no stack trace: it is expected control flow
 * on a hot path.
 */
public final class PatternTimeoutException extends RuntimeException {

	PatternTimeoutException() {
		super("pattern exceeded its time budget", null, false, false);
	}

}
