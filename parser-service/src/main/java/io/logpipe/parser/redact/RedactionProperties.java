package io.logpipe.parser.redact;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Redaction of every document before it leaves the parser.
 *
 * @param builtIn the built-in rules to run: {@code bearer}, {@code jwt},
 * {@code aws-access-key}, {@code password}, {@code email}, {@code card}
 * @param secretFields whether fields named like secrets ({@code password},
 * {@code api_key}, ...) are replaced whole
 * @param patterns rules of your own, run after the built-in ones
 */
@Validated
@ConfigurationProperties("parser.redaction")
public record RedactionProperties(@DefaultValue( {
		BuiltInRedactions.BEARER, BuiltInRedactions.JWT, BuiltInRedactions.AWS_ACCESS_KEY, BuiltInRedactions.PASSWORD,
		BuiltInRedactions.EMAIL, BuiltInRedactions.CARD }) List<String> builtIn,
		@DefaultValue("true") boolean secretFields, @DefaultValue List<@Valid CustomPattern> patterns){

	/**
	 * A redaction rule of your own.
	 *
	 * @param name its name, in the counter and the default replacement
	 * @param regex what to replace
	 * @param replacement what a match becomes; {@code [REDACTED:<name>]} when none is
	 * given
	 */
	public record CustomPattern(@NotBlank String name, @NotBlank String regex, String replacement) {
	}

}
