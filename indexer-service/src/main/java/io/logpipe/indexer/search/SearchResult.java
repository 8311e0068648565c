package io.logpipe.indexer.search;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One page of a search: documents newest first, counts over the whole range.
 *
 * @param from the range searched, inclusive
 * @param to the range searched, inclusive
 * @param total the documents that match in the range (at least this many when
 * {@code totalIsLowerBound})
 * @param totalIsLowerBound Elasticsearch stopped counting at 10,000
 * @param levels per {@code log.level}, the documents that match in the range
 * @param histogram per interval of the range, the documents that match
 * @param documents the page, newest first, as indexed (each with its {@code event.id})
 * @param next the cursor of the next page, or {@code null} on the last page
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SearchResult(Instant from, Instant to, long total, boolean totalIsLowerBound, Map<String, Long> levels,
		Histogram histogram, List<Map<String, Object>> documents, String next) {

	/**
	 * @param intervalSeconds the width of a bucket
	 * @param buckets every bucket of the range, empty ones included
	 */
	record Histogram(long intervalSeconds, List<Bucket> buckets) {
	}

	/**
	 * @param start the bucket's first instant
	 * @param count documents in it
	 */
	record Bucket(Instant start, long count) {
	}

}
