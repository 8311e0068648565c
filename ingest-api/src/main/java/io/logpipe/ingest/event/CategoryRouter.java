package io.logpipe.ingest.event;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import io.logpipe.common.event.Category;

/**
 * Applies the configured {@link RoutingProperties routing rules}. Patterns are matched
 * against a bounded prefix of the message with a bounded number of character reads, so
 * that a catastrophically backtracking pattern costs a request microseconds, not minutes.
 */
@Component
public class CategoryRouter {

	private static final Logger logger = LoggerFactory.getLogger(CategoryRouter.class);

	private final RoutingProperties properties;

	private final List<Rule> rules;

	public CategoryRouter(RoutingProperties properties) {
		this.properties = properties;
		// Compiled at start-up, so a bad pattern stops the service instead of a request.
		this.rules = properties.rules()
			.stream()
			.map((rule) -> new Rule(rule.service(),
					(rule.messagePattern() != null) ? Pattern.compile(rule.messagePattern()) : null, rule.category()))
			.toList();
	}

	/** The category of the first rule that matches the event, if any. */
	public Optional<Category> route(String service, String message) {
		for (Rule rule : this.rules) {
			if (rule.service() != null && !rule.service().equals(service)) {
				continue;
			}
			if (rule.messagePattern() == null || found(rule, message)) {
				return Optional.of(rule.category());
			}
		}
		return Optional.empty();
	}

	private boolean found(Rule rule, String message) {
		String prefix = (message.length() > this.properties.maxMatchLength())
				? message.substring(0, this.properties.maxMatchLength()) : message;
		try {
			return rule.messagePattern().matcher(new BudgetedChars(prefix, this.properties.maxMatchSteps())).find();
		}
		catch (BudgetedChars.OverBudget ex) {
			logger.debug("Routing pattern {} gave up on a message after {} steps", rule.messagePattern(),
					this.properties.maxMatchSteps());
			return false;
		}
		catch (StackOverflowError ex) {
			// java.util.regex recurses per repetition of a group such as (a|aa)+: on a
			// long message the stack runs out before the step budget. The frames are
			// unwound by now, so the request thread is fine; the pattern just did not
			// match.
			logger.debug("Routing pattern {} ran out of stack on a message", rule.messagePattern());
			return false;
		}
	}

	private record Rule(String service, Pattern messagePattern, Category category) {
	}

	/** The characters of a string, readable a bounded number of times. */
	private static final class BudgetedChars implements CharSequence {

		private final String chars;

		private final int[] budget;

		private BudgetedChars(String chars, int budget) {
			this(chars, new int[] { budget });
		}

		private BudgetedChars(String chars, int[] budget) {
			this.chars = chars;
			this.budget = budget;
		}

		@Override
		public char charAt(int index) {
			if (--this.budget[0] < 0) {
				throw new OverBudget();
			}
			return this.chars.charAt(index);
		}

		@Override
		public int length() {
			return this.chars.length();
		}

		@Override
		public CharSequence subSequence(int start, int end) {
			return new BudgetedChars(this.chars.substring(start, end), this.budget);
		}

		@Override
		public String toString() {
			return this.chars;
		}

		private static final class OverBudget extends RuntimeException {

			private OverBudget() {
				super(null, null, false, false);
			}

		}

	}

}
