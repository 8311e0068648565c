package io.logpipe.ingest.kafka;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import io.logpipe.common.event.Category;
import io.logpipe.common.topic.Topics;

/**
 * How ingest hands events to Kafka.
 *
 * @param ackTimeout how long a request waits for Kafka's acknowledgement before it
 * answers 503
 * @param retryAfter what a 503 tells the client to wait before retrying
 * @param topics the raw topic of each category
 * @param partitions partitions of the raw topics when ingest creates them
 * @param replicationFactor replication factor of the raw topics when ingest creates them
 * (3 in production; 1 for a single local broker)
 */
@Validated
@ConfigurationProperties("ingest.kafka")
public record IngestKafkaProperties(@NotNull @DefaultValue("5s") Duration ackTimeout,
		@NotNull @DefaultValue("5s") Duration retryAfter, @Valid @NotNull @DefaultValue RawTopics topics,
		@Min(1) @Max(10_000) @DefaultValue("3") int partitions,
		@Min(1) @Max(7) @DefaultValue("1") short replicationFactor) {

	/** The raw topic names, one per category. */
	public record RawTopics(@NotBlank @DefaultValue(Topics.APP_LOGS) String app,
			@NotBlank @DefaultValue(Topics.SYSTEM_LOGS) String system,
			@NotBlank @DefaultValue(Topics.SECURITY_LOGS) String security) {

		public String of(Category category) {
			return switch (category) {
				case APP -> this.app;
				case SYSTEM -> this.system;
				case SECURITY -> this.security;
			};
		}

	}

}
