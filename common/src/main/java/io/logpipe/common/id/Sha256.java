package io.logpipe.common.id;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of UTF-8 text: credential hashes, derived ids and name suffixes all hash the
 * same way.
 */
public final class Sha256 {

	private Sha256() {
	}

	public static byte[] digest(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM has SHA-256", ex);
		}
	}

	/** The whole digest as 64 lower-case hex digits. */
	public static String hex(String text) {
		return HexFormat.of().formatHex(digest(text));
	}

	/** The first {@code bytes} bytes of the digest as lower-case hex. */
	public static String hex(String text, int bytes) {
		return HexFormat.of().formatHex(digest(text), 0, bytes);
	}

}
