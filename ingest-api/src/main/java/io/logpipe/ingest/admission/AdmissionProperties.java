package io.logpipe.ingest.admission;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How much ingest holds at once before it turns new requests away.
 *
 * @param maxInFlightBytes request bytes held by all requests being handled together (as
 * declared by {@code Content-Length}, then as decoded); above it a new request gets 429
 * at once. Keep it well under the heap: parsing costs a multiple of the bytes (the
 * default suits the 128 MB heap of {@code deploy/jvm/service.options}).
 * @param retryAfter what such a 429 tells the client to wait
 */
@Validated
@ConfigurationProperties("ingest.admission")
public record AdmissionProperties(@NotNull @DefaultValue("16MB") DataSize maxInFlightBytes,
		@NotNull @DefaultValue("1s") Duration retryAfter) {

}
