package io.logpipe.ingest.admission;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How much of ingest one client may hold, so that slow or many connections from one place
 * (slowloris) cannot keep everyone else waiting. Requests run on virtual threads
 * ({@code spring.threads.virtual.enabled}), so a slow socket holds no platform thread;
 * these bounds decide how long and how many.
 *
 * @param maxRequestsPerAddress requests from one remote address handled at the same time;
 * one more gets 429 {@code address-busy} before its body is read. Behind a proxy every
 * client shares the proxy's address: raise it there
 * @param bodyTimeout the whole body must have arrived within this time after the headers,
 * else 408 {@code request-timeout}
 * @param minBodyRate bytes per second a body must arrive at on average, once
 * {@code minBodyRateAfter} has passed, else 408 {@code request-timeout}
 * @param minBodyRateAfter how long a body may arrive slower than {@code minBodyRate} (a
 * slow start, a short stall)
 */
@Validated
@ConfigurationProperties("ingest.clients")
public record ClientLimitsProperties(@Min(1) @DefaultValue("64") int maxRequestsPerAddress,
		@NotNull @DefaultValue("30s") Duration bodyTimeout, @NotNull @DefaultValue("1KB") DataSize minBodyRate,
		@NotNull @DefaultValue("5s") Duration minBodyRateAfter) {

	static final String PREFIX = "ingest.clients.";

}
