package io.logpipe.parser.parse.format;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A regular expression that may take at most a time budget per input.
 *
 * @param pattern the compiled expression
 * @param budget how long one match may run
 */
public record BudgetedPattern(Pattern pattern, Duration budget) {

	/**
	 * A matcher over {@code text} that throws {@link PatternTimeoutException} from
	 * {@code matches()}, {@code find()} and friends once the budget is spent.
	 */
	public Matcher matcher(String text) {
		return this.pattern.matcher(DeadlineCharSequence.of(text, this.budget.toNanos()));
	}

}
