package io.logpipe.indexer.admin;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

import io.logpipe.indexer.IndexerProperties;

/** The topic of {@link ReplayedMarks}, created like the indexer's dead-letter topic. */
@Configuration(proxyBeanMethods = false)
class DeadLetterReplayConfiguration {

	@Bean
	KafkaAdmin.NewTopics deadLetterReplayTopics(DeadLetterReplayProperties replay, IndexerProperties indexer) {
		return new KafkaAdmin.NewTopics(TopicBuilder.name(replay.replayedTopic())
			.partitions(indexer.partitions())
			.replicas(indexer.replicationFactor())
			.build());
	}

}
