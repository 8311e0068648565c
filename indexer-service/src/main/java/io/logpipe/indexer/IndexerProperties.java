package io.logpipe.indexer;

import java.time.Duration;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.validation.annotation.Validated;

import io.logpipe.common.topic.Topics;

/**
 * indexer-service settings.
 *
 * @param parsedTopic the topic of documents to index
 * @param metricsTopic the topic of parser-service's per-minute log counts
 * @param deadLetterTopic where documents Elasticsearch rejected go, with the reason
 * @param partitions partitions of the dead-letter topic when the indexer creates it
 * @param replicationFactor its replication factor (3 in production)
 * @param deadLetterTimeout how long a batch waits for Kafka to acknowledge its dead
 * letters before it fails as a whole (and is redelivered)
 * @param retry how items Elasticsearch asked to retry (429, 5xx) are retried
 * @param template the index template the indexer installs
 * @param tenants how many data streams one tenant may make the cluster hold
 */
@Validated
@ConfigurationProperties("indexer")
public record IndexerProperties(@NotBlank @DefaultValue(Topics.PARSED_LOGS) String parsedTopic,
		@NotBlank @DefaultValue(Topics.LOG_METRICS) String metricsTopic,
		@NotBlank @DefaultValue(Topics.INDEX_DLQ) String deadLetterTopic,
		@Min(1) @Max(10_000) @DefaultValue("3") int partitions,
		@Min(1) @Max(7) @DefaultValue("1") short replicationFactor,
		@NotNull @DurationMin(seconds = 1) @DurationMax(minutes = 10) @DefaultValue("30s") Duration deadLetterTimeout,
		@Valid @NotNull @DefaultValue Retry retry, @Valid @NotNull @DefaultValue Template template,
		@Valid @NotNull @DefaultValue Tenants tenants) {

	/**
	 * @param initialBackOff the first wait before a retry
	 * @param maxBackOff the longest wait between two retries
	 * @param maxAttempts bulk attempts for the retryable items of one batch before the
	 * whole batch is handed back to the container, which redelivers it without committing
	 * @param batchInitialBackOff the first wait before a batch that failed as a whole
	 * (Elasticsearch unreachable or blocking writes) is redelivered
	 * @param batchMaxBackOff the longest wait between two redeliveries of such a batch;
	 * redelivery never gives up
	 */
	public record Retry(@NotNull @DurationMin(millis = 1) @DefaultValue("100ms") Duration initialBackOff,
			@NotNull @DurationMin(millis = 1) @DefaultValue("10s") Duration maxBackOff,
			@Min(1) @Max(1000) @DefaultValue("8") int maxAttempts,
			@NotNull @DurationMin(millis = 1) @DefaultValue("500ms") Duration batchInitialBackOff,
			@NotNull @DurationMin(millis = 1) @DefaultValue("30s") Duration batchMaxBackOff) {

		/** Between bulk attempts for the items Elasticsearch asked to retry. */
		public ExponentialBackOff itemBackOff() {
			return JitteredBackOff.of(this.initialBackOff, this.maxBackOff);
		}

		/** Between redeliveries of a batch that failed as a whole. */
		public ExponentialBackOff batchBackOff() {
			return JitteredBackOff.of(this.batchInitialBackOff, this.batchMaxBackOff);
		}

	}

	/**
	 * @param replicas replicas of each backing index (0 for a single node, 1 or more in
	 * production)
	 * @param retention how long documents are kept ({@code lifecycle.data_retention})
	 * @param refreshInterval how soon a document becomes searchable
	 * @param retentionByTenant tenants whose documents are kept longer or shorter than
	 * {@code retention}: each gets an index template of its own (priority 600) with this
	 * {@code data_retention}
	 * @param metricsRetention how long the per-minute log counts are kept
	 * @param installInitialBackOff the first wait before installing the templates again
	 * after Elasticsearch refused or could not be reached (indexing waits for them)
	 * @param installMaxBackOff the longest wait between two install attempts; the install
	 * never gives up
	 */
	public record Template(@Min(0) @Max(10) @DefaultValue("0") int replicas,
			@NotBlank @Pattern(regexp = RETENTION) @DefaultValue("7d") String retention,
			@NotBlank @DefaultValue("1s") String refreshInterval,
			@NotNull @DefaultValue Map<String, @Pattern(regexp = RETENTION) String> retentionByTenant,
			@NotBlank @Pattern(regexp = RETENTION) @DefaultValue("30d") String metricsRetention,
			@NotNull @DurationMin(millis = 1) @DefaultValue("500ms") Duration installInitialBackOff,
			@NotNull @DurationMin(millis = 1) @DefaultValue("15s") Duration installMaxBackOff) {

		/** An Elasticsearch time value in days, hours or minutes. */
		static final String RETENTION = "[1-9][0-9]*(d|h|m)";

		/** Between attempts to install the templates. */
		public ExponentialBackOff installBackOff() {
			return JitteredBackOff.of(this.installInitialBackOff, this.installMaxBackOff);
		}

	}

	/**
	 * Every distinct {@code service.name} becomes a data stream, and every data stream
	 * costs the whole cluster shards, mappings and cluster-state, so one tenant's bound
	 * keeps one careless (or hostile) client from exhausting what all tenants share.
	 *
	 * @param maxServicesPerTenant data streams ({@code logs-<service>-<tenant>}) a tenant
	 * may have; documents of a further service go to the tenant's one overflow stream,
	 * {@code logs-logpipe.overflow-<tenant>}, keeping their {@code service.name}. Each
	 * indexer instance holds the bound against its own view, so instances that meet new
	 * services of one tenant within the same {@code refresh} may each admit them: the
	 * bound can be overshot by the streams the other instances created meanwhile (a few
	 * when services appear one at a time; at worst the room that was left, once per other
	 * instance)
	 * @param refresh how often an indexer reads a tenant's data streams again from
	 * Elasticsearch ({@code GET _resolve/index/logs-*-<tenant>}), the one list every
	 * indexer shares and that survives their restarts
	 * @param readTimeout how long an indexer waits for that list before it keeps the one
	 * it has: the reading runs on a consumer thread ahead of the bulk, and a frozen
	 * Elasticsearch must show up in the bulk watchdog, not hold the thread for the socket
	 * timeout
	 */
	public record Tenants(@Min(1) @Max(100_000) @DefaultValue("200") int maxServicesPerTenant,
			@NotNull @DurationMin(seconds = 1) @DurationMax(hours = 1) @DefaultValue("1m") Duration refresh,
			@NotNull @DurationMin(millis = 100) @DurationMax(minutes = 1) @DefaultValue("5s") Duration readTimeout) {

	}

}
