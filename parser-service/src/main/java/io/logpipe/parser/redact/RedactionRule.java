package io.logpipe.parser.redact;

import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;

import io.logpipe.parser.parse.format.BudgetedPattern;
import io.logpipe.parser.parse.format.PatternTimeoutException;

/**
 * One thing to redact: a pattern, a check on each match (the Luhn checksum of a card
 * number, for example), and what a match becomes.
 *
 * @param name the rule's name, as counted in {@code logpipe.parser.redactions}
 * @param pattern the pattern, with its time budget
 * @param accept whether a match really is a secret
 * @param replacement what a match becomes
 */
public record RedactionRule(String name, BudgetedPattern pattern, Predicate<MatchResult> accept,
		Function<MatchResult, String> replacement) {

	/** The replacement of a whole secret. */
	public static String marker(String name) {
		return "[REDACTED:" + name + "]";
	}

	/**
	 * Redacts {@code text}. A pattern that runs out of its time budget fails closed: the
	 * whole value is replaced, since no-one can say what it would have found.
	 * @param counter told this rule's name once per replaced secret
	 */
	public String apply(String text, RedactionCounter counter) {
		try {
			Matcher matcher = this.pattern.matcher(text);
			StringBuilder out = null;
			int last = 0;
			while (matcher.find()) {
				if (!this.accept.test(matcher)) {
					continue;
				}
				if (out == null) {
					out = new StringBuilder(text.length());
				}
				out.append(text, last, matcher.start()).append(this.replacement.apply(matcher));
				last = matcher.end();
				counter.redacted(this.name);
			}
			return (out == null) ? text : out.append(text, last, text.length()).toString();
		}
		catch (PatternTimeoutException ex) {
			counter.redacted(this.name);
			return marker(this.name + ":timeout");
		}
	}

}
