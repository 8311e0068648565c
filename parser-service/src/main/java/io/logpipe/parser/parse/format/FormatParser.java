package io.logpipe.parser.parse.format;

import java.util.Optional;

/**
 * Reads one log format. Implementations are stateless and thread-safe.
 */
public interface FormatParser {

	/** The name the {@code format} hint uses for this format. */
	String name();

	/**
	 * Reads {@code message}, or answers empty when it is not in this format.
	 * @throws PatternTimeoutException when a pattern ran out of its time budget
	 */
	Optional<Extracted> parse(String message);

}
