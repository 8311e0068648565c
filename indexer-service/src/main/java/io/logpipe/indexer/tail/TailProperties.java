package io.logpipe.indexer.tail;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The live tail ({@code GET /api/v1/tail}).
 *
 * @param maxPerTenant live tails one tenant may hold open on one indexer instance
 * @param maxPerInstance live tails one indexer instance holds open for all tenants
 * @param queueCapacity documents waiting for one slow reader; past it, documents are
 * dropped and the reader is told how many ({@code dropped} event)
 * @param heartbeat how often an idle tail sends an SSE comment, so proxies keep it open
 * and a closed connection is noticed
 * @param maxDuration how long one tail stays open before the server ends it (the client
 * reconnects)
 */
@Validated
@ConfigurationProperties("indexer.tail")
public record TailProperties(@Min(1) @Max(10_000) @DefaultValue("5") int maxPerTenant,
		@Min(1) @Max(100_000) @DefaultValue("200") int maxPerInstance,
		@Min(1) @Max(100_000) @DefaultValue("1000") int queueCapacity, @NotNull @DefaultValue("15s") Duration heartbeat,
		@NotNull @DefaultValue("1h") Duration maxDuration) {

}
