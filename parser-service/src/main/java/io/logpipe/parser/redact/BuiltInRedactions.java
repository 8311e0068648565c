package io.logpipe.parser.redact;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

import io.logpipe.parser.parse.format.BudgetedPattern;

/**
 * The redactions logpipe ships. Patterns use bounded quantifiers only, so they stay
 * linear; the budget guards them all the same.
 */
public final class BuiltInRedactions {

	public static final String EMAIL = "email";

	public static final String CARD = "card";

	public static final String BEARER = "bearer";

	public static final String JWT = "jwt";

	public static final String AWS_ACCESS_KEY = "aws-access-key";

	public static final String PASSWORD = "password";

	/** Keys whose value is a secret, in {@code key=value} text and as field names. */
	static final String SECRET_KEYS = "password|passwd|pwd|secret|client_secret|api[_-]?key|access[_-]?token|refresh[_-]?token|aws_secret_access_key";

	/**
	 * One of these is part of every key in {@link #SECRET_KEYS}: a text without any of
	 * them cannot hold a {@code key=secret} pair.
	 */
	private static final List<String> SECRET_KEY_STEMS = List.of("pass", "pwd", "secret", "key", "token");

	/** How AWS access key ids begin. */
	private static final List<String> AWS_KEY_PREFIXES = List.of("AKIA", "ASIA", "AGPA", "AIDA", "AROA", "ANPA", "ANVA",
			"AIPA");

	/** The fewest digits of a card number (the card pattern asks for 13 to 19). */
	private static final int MIN_CARD_DIGITS = 13;

	private BuiltInRedactions() {
	}

	/** All of them by name, in the order they run. */
	public static Map<String, RedactionRule> all(Duration budget) {
		Map<String, RedactionRule> rules = new LinkedHashMap<>();
		rules.put(BEARER,
				new RedactionRule(BEARER, (text) -> TextScan.containsIgnoreCase(text, "bearer"),
						pattern("(?i)\\b(bearer)\\s+[A-Za-z0-9._~+/-]{8,4096}=*", budget), (match) -> true,
						(match) -> match.group(1) + " " + RedactionRule.marker(BEARER)));
		rules.put(JWT, whole(JWT, (text) -> text.contains("eyJ"),
				"\\beyJ[A-Za-z0-9_-]{5,4096}\\.eyJ[A-Za-z0-9_-]{5,8192}\\.[A-Za-z0-9_-]{0,4096}", budget));
		rules.put(AWS_ACCESS_KEY, whole(AWS_ACCESS_KEY, (text) -> TextScan.containsAny(text, AWS_KEY_PREFIXES),
				"\\b(?:" + String.join("|", AWS_KEY_PREFIXES) + ")[A-Z0-9]{16}\\b", budget));
		rules.put(PASSWORD,
				new RedactionRule(PASSWORD, (text) -> TextScan.containsAnyIgnoreCase(text, SECRET_KEY_STEMS),
						pattern("(?i)\\b(" + SECRET_KEYS + ")(\"?[ \\t]{0,8}[=:][ \\t]{0,8}\"?)([^\\s\",;&]{1,4096})",
								budget),
						(match) -> !match.group(3).startsWith("[REDACTED:"),
						(match) -> match.group(1) + match.group(2) + RedactionRule.marker(PASSWORD)));
		rules.put(EMAIL, whole(EMAIL, (text) -> text.indexOf('@') >= 0,
				"\\b[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\\.[A-Za-z0-9-]{1,63}){0,8}\\.[A-Za-z]{2,24}\\b",
				budget));
		rules.put(CARD,
				new RedactionRule(CARD, (text) -> TextScan.hasDigitRun(text, MIN_CARD_DIGITS),
						pattern("(?<![\\d-])\\d(?:[ -]?\\d){12,18}(?![\\d])", budget), BuiltInRedactions::luhn,
						(match) -> RedactionRule.marker(CARD)));
		return rules;
	}

	private static RedactionRule whole(String name, Predicate<String> mayMatch, String regex, Duration budget) {
		return new RedactionRule(name, mayMatch, pattern(regex, budget), (match) -> true,
				(match) -> RedactionRule.marker(name));
	}

	private static BudgetedPattern pattern(String regex, Duration budget) {
		return new BudgetedPattern(Pattern.compile(regex), budget);
	}

	/**
	 * Whether the digits of a match pass the Luhn checksum, so that order numbers and
	 * timestamps of the right length are left alone.
	 */
	static boolean luhn(MatchResult match) {
		String number = match.group();
		int sum = 0;
		int digits = 0;
		boolean doubled = false;
		for (int i = number.length() - 1; i >= 0; i--) {
			char c = number.charAt(i);
			if (!Character.isDigit(c)) {
				continue;
			}
			int digit = c - '0';
			if (doubled) {
				digit *= 2;
				if (digit > 9) {
					digit -= 9;
				}
			}
			sum += digit;
			digits++;
			doubled = !doubled;
		}
		return digits >= 13 && digits <= 19 && sum % 10 == 0;
	}

}
