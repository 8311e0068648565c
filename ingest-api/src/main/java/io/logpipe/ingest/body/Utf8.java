package io.logpipe.ingest.body;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Strict UTF-8 for the text bodies (plain lines, HEC raw): a line that is not UTF-8 is
 * refused rather than stored with replacement characters, as the JSON bodies already are
 * by their parser.
 */
public final class Utf8 {

	private static final char REPLACEMENT = '\uFFFD';

	private Utf8() {
	}

	/** The text of the bytes, or empty when they are not valid UTF-8. */
	public static Optional<String> decode(byte[] bytes, int offset, int length) {
		String text = new String(bytes, offset, length, StandardCharsets.UTF_8);
		// The fast decoder replaces what it cannot read; only then is the strict one
		// needed, to tell a sent U+FFFD from a replaced byte.
		if (text.indexOf(REPLACEMENT) < 0) {
			return Optional.of(text);
		}
		try {
			StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, offset, length));
			return Optional.of(text);
		}
		catch (CharacterCodingException ex) {
			return Optional.empty();
		}
	}

}
