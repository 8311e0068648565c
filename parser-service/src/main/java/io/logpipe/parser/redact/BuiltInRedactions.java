package io.logpipe.parser.redact;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
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

	private BuiltInRedactions() {
	}

	/** All of them by name, in the order they run. */
	public static Map<String, RedactionRule> all(Duration budget) {
		Map<String, RedactionRule> rules = new LinkedHashMap<>();
		rules.put(BEARER, new RedactionRule(BEARER, pattern("(?i)\\b(bearer)\\s+[A-Za-z0-9._~+/-]{8,4096}=*", budget),
				(match) -> true, (match) -> match.group(1) + " " + RedactionRule.marker(BEARER)));
		rules.put(JWT,
				whole(JWT, "\\beyJ[A-Za-z0-9_-]{5,4096}\\.eyJ[A-Za-z0-9_-]{5,8192}\\.[A-Za-z0-9_-]{0,4096}", budget));
		rules.put(AWS_ACCESS_KEY,
				whole(AWS_ACCESS_KEY, "\\b(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16}\\b", budget));
		rules.put(PASSWORD,
				new RedactionRule(PASSWORD,
						pattern("(?i)\\b(" + SECRET_KEYS + ")(\"?[ \\t]{0,8}[=:][ \\t]{0,8}\"?)([^\\s\",;&]{1,4096})",
								budget),
						(match) -> !match.group(3).startsWith("[REDACTED:"),
						(match) -> match.group(1) + match.group(2) + RedactionRule.marker(PASSWORD)));
		rules.put(EMAIL, whole(EMAIL,
				"\\b[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\\.[A-Za-z0-9-]{1,63}){0,8}\\.[A-Za-z]{2,24}\\b",
				budget));
		rules.put(CARD, new RedactionRule(CARD, pattern("(?<![\\d-])\\d(?:[ -]?\\d){12,18}(?![\\d])", budget),
				BuiltInRedactions::luhn, (match) -> RedactionRule.marker(CARD)));
		return rules;
	}

	private static RedactionRule whole(String name, String regex, Duration budget) {
		return new RedactionRule(name, pattern(regex, budget), (match) -> true, (match) -> RedactionRule.marker(name));
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
