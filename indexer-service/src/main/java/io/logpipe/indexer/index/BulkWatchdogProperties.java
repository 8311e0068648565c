package io.logpipe.indexer.index;

import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * When the indexer calls a bulk request stalled ({@link BulkWatchdog}).
 *
 * @param stalledAfter a bulk in flight for longer turns readiness DOWN; well above a
 * healthy bulk's time (well under a second for a full batch) and below the client's
 * socket timeout ({@code spring.elasticsearch.socket-timeout}, 30 s), which is when the
 * bulk fails on its own
 */
@Validated
@ConfigurationProperties("indexer.bulk-watchdog")
public record BulkWatchdogProperties(@NotNull @DurationMin(millis = 100) @DefaultValue("10s") Duration stalledAfter) {
}
