package io.logpipe.parser.parse;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How messages are read: formats, grok patterns and timestamps.
 *
 * @param patternBudget how long one pattern may run on one message (1 ms to 10 s)
 * @param grokPatterns further named patterns for grok expressions, name to definition
 * @param grokFormats formats of your own: name (as the {@code format} hint uses it) to
 * grok expression; tried before the built-in formats when detecting
 * @param defaultZone the zone of timestamps that name none
 * @param zones a different default zone per service
 * @param timestampPatterns further timestamp patterns ({@code DateTimeFormatter} syntax)
 * @param maxFutureSkew how far after its receipt an event's time may lie before it is
 * clamped (0 to 1 day)
 */
@Validated
@ConfigurationProperties("parser.parsing")
public record ParsingProperties(@NotNull @DefaultValue("50ms") Duration patternBudget,
		@DefaultValue Map<String, String> grokPatterns, @DefaultValue Map<String, String> grokFormats,
		@NotNull @DefaultValue("UTC") ZoneId defaultZone, @DefaultValue Map<String, ZoneId> zones,
		@DefaultValue List<String> timestampPatterns, @NotNull @DefaultValue("5m") Duration maxFutureSkew) {

	public ParsingProperties {
		if (patternBudget.compareTo(Duration.ofMillis(1)) < 0 || patternBudget.compareTo(Duration.ofSeconds(10)) > 0) {
			throw new IllegalArgumentException("parser.parsing.pattern-budget must be between 1ms and 10s");
		}
		if (maxFutureSkew.isNegative() || maxFutureSkew.compareTo(Duration.ofDays(1)) > 0) {
			throw new IllegalArgumentException("parser.parsing.max-future-skew must be between 0 and 1d");
		}
	}

}
