package io.logpipe.indexer.search;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The bounds on what one search may cost ({@code GET /api/v1/search}).
 *
 * @param defaultRange the range searched when {@code from} is not given, ending at
 * {@code to} (default now)
 * @param maxRange the widest range a search may ask for; wider is a 400, so a search
 * never scans all of a tenant's retention by accident
 * @param timeout how long Elasticsearch may search (its {@code timeout}: shards that take
 * longer answer with what they found so far)
 * @param defaultSize documents per page when {@code size} is not given
 * @param maxSize the largest {@code size}
 * @param allowLeadingWildcard whether a query term may start with {@code *} or {@code ?},
 * which makes Elasticsearch walk every term of the field
 * @param maxHistogramBuckets the most buckets of the histogram; a range wider than this
 * many minutes gets buckets of several minutes
 */
@Validated
@ConfigurationProperties("indexer.search")
public record SearchProperties(@NotNull @DefaultValue("15m") Duration defaultRange,
		@NotNull @DefaultValue("7d") Duration maxRange, @NotNull @DefaultValue("10s") Duration timeout,
		@Min(1) @Max(1000) @DefaultValue("100") int defaultSize, @Min(1) @Max(1000) @DefaultValue("500") int maxSize,
		@DefaultValue("false") boolean allowLeadingWildcard,
		@Min(10) @Max(10_000) @DefaultValue("1440") int maxHistogramBuckets) {

}
