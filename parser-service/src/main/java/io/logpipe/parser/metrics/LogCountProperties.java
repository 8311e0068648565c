package io.logpipe.parser.metrics;

import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import io.logpipe.common.topic.Topics;

/**
 * The per-service log counts by level and window of event time (see
 * {@link io.logpipe.common.metrics.LogCount}). The prefix and the topic keep the name
 * {@code metrics}, which deployments already configure.
 *
 * @param topic where the counts go
 * @param window the length of a window (1 s to 1 h; it must divide a day so that windows
 * start at the same instants every day)
 */
@Validated
@ConfigurationProperties("parser.metrics")
public record LogCountProperties(@NotBlank @DefaultValue(Topics.LOG_METRICS) String topic,
		@NotNull @DurationMin(seconds = 1) @DurationMax(hours = 1) @DefaultValue("1m") Duration window) {

	@AssertTrue(message = "must divide a day")
	boolean isWindowDividingADay() {
		return this.window == null || this.window.isZero() || this.window.isNegative()
				|| Duration.ofDays(1).toMillis() % this.window.toMillis() == 0;
	}

}
