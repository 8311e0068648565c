package io.logpipe.parser.kafka;

import java.time.Duration;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a batch whose transaction rolled back is redelivered before its failing record is
 * dead-lettered. The partition is blocked while it is retried, so the defaults give up
 * within seconds (200 ms, 400 ms, 800 ms).
 *
 * @param retries redeliveries before the record goes to the dead-letter topic (0 to 10)
 * @param initialInterval the first back-off (1 ms to 1 min)
 * @param multiplier how much each back-off grows (1 to 10)
 * @param maxInterval the longest back-off (1 ms to 5 min)
 */
@Validated
@ConfigurationProperties("parser.rollback")
public record RollbackProperties(@Min(0) @Max(10) @DefaultValue("3") int retries,
		@NotNull @DurationMin(millis = 1) @DurationMax(minutes = 1) @DefaultValue("200ms") Duration initialInterval,
		@DecimalMin("1.0") @DecimalMax("10.0") @DefaultValue("2.0") double multiplier,
		@NotNull @DurationMin(millis = 1) @DurationMax(minutes = 5) @DefaultValue("10s") Duration maxInterval) {
}
