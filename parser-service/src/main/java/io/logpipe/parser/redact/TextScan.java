package io.logpipe.parser.redact;

import java.util.List;

/**
 * Single-pass scans that rule a text out before a redaction pattern runs over it. Case
 * folding is ASCII only, like a pattern's {@code (?i)} without {@code UNICODE_CASE}.
 */
final class TextScan {

	private TextScan() {
	}

	/** Whether {@code text} contains any of {@code needles}, case as given. */
	static boolean containsAny(String text, List<String> needles) {
		for (String needle : needles) {
			if (text.contains(needle)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether {@code text} contains {@code lowerCaseNeedle} in any ASCII case.
	 * @param lowerCaseNeedle ASCII, lower case
	 */
	static boolean containsIgnoreCase(String text, String lowerCaseNeedle) {
		char first = lowerCaseNeedle.charAt(0);
		char upper = upperAscii(first);
		return containsFrom(text, first, lowerCaseNeedle)
				|| (upper != first && containsFrom(text, upper, lowerCaseNeedle));
	}

	/**
	 * Whether {@code needle} is in {@code text} at a place where {@code first} starts it.
	 * The places are found with {@link String#indexOf(int, int)}, which the JDK scans
	 * many characters at a time: a character-by-character loop over every text was the
	 * parser's hottest frame in JFR (String.checkIndex under containsIgnoreCase, 7% of
	 * its samples), and most texts hold none of the needles.
	 */
	private static boolean containsFrom(String text, char first, String needle) {
		int last = text.length() - needle.length();
		for (int i = text.indexOf(first); i >= 0 && i <= last; i = text.indexOf(first, i + 1)) {
			if (text.regionMatches(true, i + 1, needle, 1, needle.length() - 1)) {
				return true;
			}
		}
		return false;
	}

	/** {@link #containsIgnoreCase} for any of {@code lowerCaseNeedles}. */
	static boolean containsAnyIgnoreCase(String text, List<String> lowerCaseNeedles) {
		for (String needle : lowerCaseNeedles) {
			if (containsIgnoreCase(text, needle)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether {@code text} holds {@code count} ASCII digits in a row, each pair apart by
	 * at most one space or dash: how a card number may be written, and not how dates and
	 * times are.
	 */
	static boolean hasDigitRun(String text, int count) {
		int run = 0;
		boolean afterSeparator = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c >= '0' && c <= '9') {
				if (++run >= count) {
					return true;
				}
				afterSeparator = false;
			}
			else if ((c == ' ' || c == '-') && !afterSeparator) {
				afterSeparator = true;
			}
			else {
				run = 0;
				afterSeparator = (c == ' ' || c == '-');
			}
		}
		return false;
	}

	private static char upperAscii(char c) {
		return (c >= 'a' && c <= 'z') ? (char) (c - ('a' - 'A')) : c;
	}

}
