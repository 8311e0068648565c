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
		int last = text.length() - lowerCaseNeedle.length();
		char first = lowerCaseNeedle.charAt(0);
		for (int i = 0; i <= last; i++) {
			if (lowerAscii(text.charAt(i)) == first
					&& text.regionMatches(true, i + 1, lowerCaseNeedle, 1, lowerCaseNeedle.length() - 1)) {
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

	private static char lowerAscii(char c) {
		return (c >= 'A' && c <= 'Z') ? (char) (c + ('a' - 'A')) : c;
	}

}
