package io.logpipe.parser.parse.format;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.krakens.grok.api.Grok;
import io.krakens.grok.api.GrokCompiler;
import io.krakens.grok.api.Match;

/**
 * Named patterns in the grok style: java-grok's built-in library (the Logstash patterns:
 * {@code COMBINEDAPACHELOG}, {@code SYSLOGBASE}, {@code TIMESTAMP_ISO8601}, ...) plus the
 * definitions from configuration. Compiled expressions are thread-safe; matching runs
 * against a {@link DeadlineCharSequence} so each expression has a time budget.
 */
public final class GrokLibrary {

	private final GrokCompiler compiler;

	private final Duration budget;

	public GrokLibrary(Map<String, String> definitions, Duration budget) {
		this.compiler = GrokCompiler.newInstance();
		this.compiler.registerDefaultPatterns();
		this.compiler.register(definitions);
		this.budget = budget;
	}

	/**
	 * Compiles an expression such as {@code %{IP:client} %{GREEDYDATA:message}}; only
	 * named captures are kept.
	 * @throws IllegalArgumentException when the expression refers to an unknown pattern
	 * or is not a valid regular expression
	 */
	public Compiled compile(String expression) {
		return new Compiled(this.compiler.compile(expression, true), this.budget);
	}

	/** One compiled expression and its budget. */
	public record Compiled(Grok grok, Duration budget) {

		/**
		 * The named captures of the first match in {@code text}, or empty.
		 * @throws PatternTimeoutException when the match ran out of its budget
		 */
		public Optional<Map<String, Object>> match(String text) {
			Match match = this.grok.match(DeadlineCharSequence.of(text, this.budget.toNanos()));
			if (match.isNull()) {
				return Optional.empty();
			}
			return Optional.of(match.capture());
		}

	}

}
