package io.logpipe.parser.kafka;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import io.logpipe.common.topic.Topics;

/**
 * The topics parser-service reads and writes, and how it creates them. The prefix stays
 * {@code parser.kafka}, which deployments already set.
 *
 * @param rawTopics the raw topics it consumes
 * @param parsedTopic where parsed documents go
 * @param deadLetterTopic where records it cannot parse go, with the reason
 * @param partitions partitions of the topics it creates
 * @param replicationFactor replication factor of the topics it creates (3 in production)
 */
@Validated
@ConfigurationProperties("parser.kafka")
public record ParserTopics(@NotEmpty @DefaultValue( {
		Topics.APP_LOGS, Topics.SYSTEM_LOGS, Topics.SECURITY_LOGS }) List<String> rawTopics,
		@NotBlank @DefaultValue(Topics.PARSED_LOGS) String parsedTopic,
		@NotBlank @DefaultValue(Topics.LOGS_DLQ) String deadLetterTopic,
		@Min(1) @Max(10_000) @DefaultValue("3") int partitions,
		@Min(1) @Max(7) @DefaultValue("1") short replicationFactor){
}
