package io.logpipe.parser.metrics;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import io.logpipe.common.topic.Topics;

/**
 * The per-service counts by level.
 *
 * @param topic where the window counts go
 * @param window the length of a window (1 s to 1 h; it must divide a day)
 */
@Validated
@ConfigurationProperties("parser.metrics")
public record ErrorRateProperties(@NotBlank @DefaultValue(Topics.LOG_METRICS) String topic,
		@NotNull @DefaultValue("1m") Duration window) {

	public ErrorRateProperties {
		if (window.compareTo(Duration.ofSeconds(1)) < 0 || window.compareTo(Duration.ofHours(1)) > 0
				|| Duration.ofDays(1).toMillis() % window.toMillis() != 0) {
			throw new IllegalArgumentException(
					"parser.metrics.window must be between 1s and 1h and divide a day, was " + window);
		}
	}

}
