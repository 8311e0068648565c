package io.logpipe.parser.rules;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One per-tenant rule from {@code parser.rules}: which documents it applies to and what
 * it does with them. Checked when the configuration is bound, so a bad rule stops the
 * service at start-up with the rule's name and what is wrong, instead of misbehaving.
 *
 * @param name the rule's name, in metrics and errors
 * @param tenant the tenant it applies to, or {@code *} for all
 * @param service the service it applies to, or none for all
 * @param levels the (normalized) levels it applies to, or none for all
 * @param action what it does
 * @param keepOneIn {@code sample}: keep one document in this many (2 or more)
 * @param topic {@code route}: the topic the documents go to instead of parsed-logs
 * @param fields {@code add}: fields to set; {@code labels.x} sets a label, any other name
 * an attribute
 * @param renames {@code rename}: attribute names to their new names (or {@code labels.x})
 * @param pattern {@code redact}: a regular expression whose matches are replaced
 * @param replacement {@code redact}: what a match becomes; {@code [REDACTED:<name>]} when
 * none is given
 */
public record Rule(@NotBlank String name, @NotBlank @DefaultValue("*") String tenant, String service,
		List<String> levels, @NotNull Action action, Integer keepOneIn, String topic, Map<String, String> fields,
		Map<String, String> renames, String pattern, String replacement) {

	public Rule {
		levels = (levels != null) ? List.copyOf(levels) : List.of();
		fields = (fields != null) ? Map.copyOf(fields) : Map.of();
		renames = (renames != null) ? Map.copyOf(renames) : Map.of();
		if (action != null) {
			check(name, action, keepOneIn, topic, fields, renames, pattern);
		}
	}

	private static void check(String name, Action action, Integer keepOneIn, String topic, Map<String, String> fields,
			Map<String, String> renames, String pattern) {
		String problem = switch (action) {
			case SAMPLE ->
				(keepOneIn == null || keepOneIn < 2) ? "action 'sample' needs keep-one-in of 2 or more" : null;
			case ROUTE -> (topic == null || topic.isBlank()) ? "action 'route' needs a topic" : null;
			case ADD -> fields.isEmpty() ? "action 'add' needs at least one entry under fields" : null;
			case RENAME -> renames.isEmpty() ? "action 'rename' needs at least one entry under renames" : null;
			case REDACT -> invalidPattern(pattern);
			case DROP -> null;
		};
		if (problem != null) {
			throw new IllegalArgumentException("parser rule '" + name + "': " + problem);
		}
	}

	private static String invalidPattern(String pattern) {
		if (pattern == null || pattern.isEmpty()) {
			return "action 'redact' needs a pattern";
		}
		try {
			Pattern.compile(pattern);
			return null;
		}
		catch (PatternSyntaxException ex) {
			return "pattern is not a regular expression: " + ex.getDescription() + " near index " + ex.getIndex();
		}
	}

	/** What a rule does. */
	public enum Action {

		/** Leave the document out. */
		DROP,
		/** Keep one document in {@code keep-one-in}, decided by its event id. */
		SAMPLE,
		/** Send the document to {@code topic} instead of parsed-logs. */
		ROUTE,
		/** Set fields. */
		ADD,
		/** Rename attributes. */
		RENAME,
		/** Replace what {@code pattern} matches. */
		REDACT

	}

}
