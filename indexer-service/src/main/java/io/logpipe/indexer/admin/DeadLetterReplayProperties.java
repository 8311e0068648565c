package io.logpipe.indexer.admin;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import io.logpipe.common.topic.Topics;

/**
 * {@code POST /admin/dead-letters/replay}: where dead letters are read from and where
 * they may be sent back to. The indexer's own dead-letter topic
 * ({@code indexer.dead-letter-topic}) is read too; a dead letter of the index stage goes
 * back to {@code indexer.parsed-topic} or {@code indexer.metrics-topic}, the topics the
 * indexer reads.
 *
 * @param parseDeadLetterTopic parser-service's dead-letter topic
 * @param rawTopics the topics a dead letter of the parse stage may be sent back to (the
 * raw topics parser-service reads); a dead letter that names another origin is skipped
 * @param replayedTopic where the indexer notes each dead letter it replayed, so that a
 * second replay skips it (docs/adr/0020)
 */
@Validated
@ConfigurationProperties("indexer.dead-letter-replay")
public record DeadLetterReplayProperties(@NotBlank @DefaultValue(Topics.LOGS_DLQ) String parseDeadLetterTopic,
		@NotEmpty @DefaultValue( {
				Topics.APP_LOGS, Topics.SYSTEM_LOGS, Topics.SECURITY_LOGS }) List<@NotBlank String> rawTopics,
		@NotBlank @DefaultValue(Topics.DLQ_REPLAYED) String replayedTopic){
}
