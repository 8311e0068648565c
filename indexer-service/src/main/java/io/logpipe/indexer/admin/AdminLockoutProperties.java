package io.logpipe.indexer.admin;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the admin endpoints slow down an address that keeps failing to authenticate.
 *
 * @param freeFailures failed attempts an address may make before it is locked out
 * @param firstDelay the first lock-out; each further failure doubles it
 * @param maxDelay the longest lock-out
 */
@Validated
@ConfigurationProperties("indexer.admin.lockout")
public record AdminLockoutProperties(@Min(0) @DefaultValue("5") int freeFailures,
		@NotNull @DefaultValue("1s") Duration firstDelay, @NotNull @DefaultValue("5m") Duration maxDelay) {
}
