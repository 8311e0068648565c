package io.logpipe.common.metrics;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The value on the {@code log-metrics} topic: how many documents of one tenant, service
 * and level one parser batch saw in one window of event time. The concept is a "log
 * count" everywhere (parser-service's {@code BatchLogCounts} and
 * {@code LogCountProperties}, the {@code logpipe.log_counts} dataset); the topic keeps
 * its older, broader name {@code log-metrics} because it is a published interface that
 * deployments and consumers already name.
 *
 * <p>
 * It is a partial count: the count of a window is the sum of all its records (a window's
 * documents arrive in many batches, on many partitions, and late). Because each record is
 * written in the transaction of the batch it counts, the sum is exact: a rolled-back
 * batch's counts are never seen by a {@code read_committed} reader, a redelivered batch
 * counts once.
 *
 * @param timestamp the window's start, so the record can be indexed as a time series
 * @param windowStart the window's start (inclusive)
 * @param windowEnd the window's end (exclusive)
 * @param tenant the tenant
 * @param service the service
 * @param level the normalized level, or {@link #NO_LEVEL}
 * @param count how many documents
 */
public record LogCount(@JsonProperty("@timestamp") Instant timestamp, @JsonProperty("window_start") Instant windowStart,
		@JsonProperty("window_end") Instant windowEnd, String tenant, String service, String level, long count) {

	/** The level of documents that have none. */
	public static final String NO_LEVEL = "NONE";

	/** The Kafka record key: one service's counts share a partition. */
	public String partitionKey() {
		return this.tenant + "/" + this.service;
	}

}
