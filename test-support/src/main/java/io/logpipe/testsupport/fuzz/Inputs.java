package io.logpipe.testsupport.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generators of hostile input for {@link Fuzz}: random bytes, random text that mixes
 * ASCII, control characters, unpaired surrogates and the tokens parsers split on, random
 * JSON, and mutations (flips, cuts, splices, repeats) of well-formed examples, which
 * reach deeper into a parser than noise does.
 */
public final class Inputs {

	/** Fragments that mean something to one parser or another. */
	private static final List<String> TOKENS = List.of("{", "}", "[", "]", "\"", "\\", "\\u", "\\ud800", ":", ",", "\n",
			"\r\n", "\r", "\t", " ", "=", "<", ">", "-", "|", "%{", "}}", "1e999999", "-0", "1.7976931348623157e309",
			"99999999999999999999999999", "null", "true", "NaN", "\u0000", "\u2028", "\ud800", "\udfff", "\uffff",
			"\ud83d\ude00", "<13>", "<999>", "1 ", "- - -", "[x@1 a=\"b\"]", "2026-12-01T10:00:00Z", "Dec  1 10:00:00",
			"01/Dec/2026:10:00:00 +0000", "\"GET / HTTP/1.1\"", "level=", "msg=\"", "@timestamp", "_index",
			"organization.id", "logs-x-othertenant");

	private static final byte[] BYTES = { 0, (byte) 0xff, (byte) 0xfe, (byte) 0xc3, (byte) 0xe2, (byte) 0x80,
			(byte) 0xed, (byte) 0xa0, (byte) 0xf4, (byte) 0x90, 0x1f, (byte) 0x8b, 0x78, (byte) 0x9c, 0x7f, '\n' };

	private Inputs() {
	}

	/** Up to {@code maxLength} uniformly random bytes. */
	public static byte[] bytes(SplittableRandom random, int maxLength) {
		byte[] bytes = new byte[random.nextInt(maxLength + 1)];
		random.nextBytes(bytes);
		return bytes;
	}

	/** Text of up to {@code maxParts} tokens, characters and runs. */
	public static String text(SplittableRandom random, int maxParts) {
		StringBuilder text = new StringBuilder();
		int parts = random.nextInt(maxParts + 1);
		for (int i = 0; i < parts; i++) {
			switch (random.nextInt(6)) {
				case 0 -> text.append(TOKENS.get(random.nextInt(TOKENS.size())));
				case 1 -> text.append((char) random.nextInt(0x20));
				case 2 -> text.append((char) random.nextInt(0x10000));
				case 3 -> text.append(String.valueOf((char) ('a' + random.nextInt(26))).repeat(1 + random.nextInt(40)));
				case 4 -> text.append(random.nextLong());
				default -> text.append((char) (0x20 + random.nextInt(0x5f)));
			}
		}
		return text.toString();
	}

	/** A random, well-formed JSON value at most {@code depth} deep. */
	public static String json(SplittableRandom random, int depth) {
		int kind = random.nextInt((depth > 0) ? 8 : 5);
		return switch (kind) {
			case 0 -> "null";
			case 1 -> Boolean.toString(random.nextBoolean());
			case 2 -> (random.nextBoolean()) ? Long.toString(random.nextLong()) : Double.toString(random.nextDouble());
			case 3, 4 -> quoted(text(random, 4));
			case 5 -> {
				StringBuilder array = new StringBuilder("[");
				int n = random.nextInt(4);
				for (int i = 0; i < n; i++) {
					array.append((i > 0) ? "," : "").append(json(random, depth - 1));
				}
				yield array.append(']').toString();
			}
			default -> {
				StringBuilder object = new StringBuilder("{");
				int n = random.nextInt(5);
				for (int i = 0; i < n; i++) {
					object.append((i > 0) ? "," : "")
						.append(quoted(
								random.nextBoolean() ? text(random, 2) : TOKENS.get(random.nextInt(TOKENS.size()))))
						.append(':')
						.append(json(random, depth - 1));
				}
				yield object.append('}').toString();
			}
		};
	}

	/** {@code text} as a JSON string, escaped so that it stays well-formed. */
	public static String quoted(String text) {
		StringBuilder quoted = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			if (c == '"' || c == '\\') {
				quoted.append('\\').append(c);
			}
			else if (c < 0x20) {
				quoted.append(String.format("\\u%04x", (int) c));
			}
			else {
				quoted.append(c);
			}
		}
		return quoted.append('"').toString();
	}

	/** One of the examples, mutated one to four times. */
	public static byte[] mutated(SplittableRandom random, List<byte[]> examples) {
		byte[] bytes = examples.get(random.nextInt(examples.size()));
		int mutations = 1 + random.nextInt(4);
		for (int i = 0; i < mutations; i++) {
			bytes = mutate(random, bytes);
		}
		return bytes;
	}

	/** {@link #mutated} of UTF-8 examples. */
	public static byte[] mutatedText(SplittableRandom random, List<String> examples) {
		return mutated(random, examples.stream().map((example) -> example.getBytes(StandardCharsets.UTF_8)).toList());
	}

	private static byte[] mutate(SplittableRandom random, byte[] bytes) {
		int at = (bytes.length == 0) ? 0 : random.nextInt(bytes.length);
		ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + 16);
		switch (random.nextInt(7)) {
			case 0 -> { // flip a bit
				byte[] copy = bytes.clone();
				if (copy.length > 0) {
					copy[at] ^= (byte) (1 << random.nextInt(8));
				}
				return copy;
			}
			case 1 -> { // cut short
				out.write(bytes, 0, at);
			}
			case 2 -> { // drop a range
				int end = Math.min(bytes.length, at + 1 + random.nextInt(16));
				out.write(bytes, 0, at);
				out.write(bytes, end, bytes.length - end);
			}
			case 3 -> { // splice a token in
				out.write(bytes, 0, at);
				out.writeBytes(TOKENS.get(random.nextInt(TOKENS.size())).getBytes(StandardCharsets.UTF_8));
				out.write(bytes, at, bytes.length - at);
			}
			case 4 -> { // a stray byte
				out.write(bytes, 0, at);
				out.write(BYTES[random.nextInt(BYTES.length)]);
				out.write(bytes, at, bytes.length - at);
			}
			case 5 -> { // repeat a range
				int end = Math.min(bytes.length, at + 1 + random.nextInt(32));
				out.write(bytes, 0, end);
				for (int i = random.nextInt(20); i >= 0; i--) {
					out.write(bytes, at, end - at);
				}
				out.write(bytes, end, bytes.length - end);
			}
			default -> { // overwrite a byte
				byte[] copy = bytes.clone();
				if (copy.length > 0) {
					copy[at] = (byte) random.nextInt(256);
				}
				return copy;
			}
		}
		return out.toByteArray();
	}

}
