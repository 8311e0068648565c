package io.logpipe.ingest.event;

import java.util.List;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import io.logpipe.common.event.Category;

/**
 * Rules that choose the category of an event that names none (neither in the event nor in
 * the request). The first rule that matches wins; without a match the category is
 * {@code app}.
 *
 * @param rules the rules, in order
 * @param maxMatchLength only the first this many characters of a message are matched
 * @param maxMatchSteps a pattern that reads more characters than this while matching one
 * message counts as not matching (so a pathological pattern cannot stall requests)
 */
@Validated
@ConfigurationProperties("ingest.routing")
public record RoutingProperties(@Valid List<Rule> rules,
		@Min(1) @Max(1_000_000) @DefaultValue("4096") int maxMatchLength,
		@Min(1000) @DefaultValue("100000") int maxMatchSteps) {

	public RoutingProperties {
		rules = (rules != null) ? rules : List.of();
	}

	/**
	 * @param service the service name the event must have (exact), or {@code null} for
	 * any
	 * @param messagePattern a regular expression ({@link java.util.regex.Pattern}) that
	 * must be found in the message, or {@code null} for any
	 * @param category where matching events go
	 */
	public record Rule(String service, String messagePattern, @NotNull Category category) {

		@AssertTrue(message = "a routing rule needs a service or a message-pattern")
		public boolean isSpecific() {
			return this.service != null || this.messagePattern != null;
		}

	}

}
