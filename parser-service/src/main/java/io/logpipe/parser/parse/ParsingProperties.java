package io.logpipe.parser.parse;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

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
public record ParsingProperties(
		@NotNull @DurationMin(millis = 1) @DurationMax(seconds = 10) @DefaultValue("50ms") Duration patternBudget,
		@DefaultValue Map<String, String> grokPatterns, @DefaultValue Map<String, String> grokFormats,
		@NotNull @DefaultValue("UTC") ZoneId defaultZone, @DefaultValue Map<String, ZoneId> zones,
		@DefaultValue List<String> timestampPatterns,
		@NotNull @DurationMin(millis = 0) @DurationMax(days = 1) @DefaultValue("5m") Duration maxFutureSkew) {

}
