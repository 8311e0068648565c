package io.logpipe.parser.redact;

import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;

import io.logpipe.parser.parse.format.BudgetedPattern;
import io.logpipe.parser.parse.format.PatternTimeoutException;

/**
 * One thing to redact: a cheap test that a text may hold a match at all, a pattern, a
 * check on each match (the Luhn checksum of a card number, for example), and what a match
 * becomes.
 *
 * <p>
 * The cheap test is what keeps redaction affordable: most texts hold no secret, and a
 * scan for {@code '@'} costs a fraction of running an e-mail pattern over every character
 * (profiling the parser showed the patterns taking almost half of its CPU before the
 * built-in rules had one). It must be a necessary condition of a match, never a guess.
 *
 * @param name the rule's name, as counted in {@code logpipe.parser.redactions}
 * @param mayMatch {@code false} only for a text in which the pattern cannot match
 * @param pattern the pattern, with its time budget
 * @param accept whether a match really is a secret
 * @param replacement what a match becomes
 */
public record RedactionRule(String name, Predicate<String> mayMatch, BudgetedPattern pattern,
		Predicate<MatchResult> accept, Function<MatchResult, String> replacement) {

	/**
	 * A rule of a user's pattern: every match is replaced by {@code replacement}, and
	 * every text is searched (nothing is known about the pattern to rule a text out).
	 */
	public static RedactionRule replacing(String name, BudgetedPattern pattern, String replacement) {
		return new RedactionRule(name, (text) -> true, pattern, (match) -> true, (match) -> replacement);
	}

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
		if (!this.mayMatch.test(text)) {
			return text;
		}
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
