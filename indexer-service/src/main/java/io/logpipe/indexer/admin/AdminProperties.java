package io.logpipe.indexer.admin;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The admin endpoints ({@code /admin/**}).
 *
 * @param tokenSha256 hex SHA-256 of the admin bearer token (e.g.
 * {@code printf %s "$TOKEN" | sha256sum}); empty disables the admin endpoints (every call
 * answers 403). Only the hash is configured, so the configuration does not hold the
 * secret.
 * @param timeout how long a replay may wait for Kafka (stopping the listener, listing and
 * altering offsets)
 */
@Validated
@ConfigurationProperties("indexer.admin")
public record AdminProperties(@Pattern(regexp = "|[0-9a-fA-F]{64}") @DefaultValue("") String tokenSha256,
		@NotNull @DefaultValue("30s") Duration timeout) {
}
