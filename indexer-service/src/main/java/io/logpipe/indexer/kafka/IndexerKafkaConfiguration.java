package io.logpipe.indexer.kafka;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;

import io.logpipe.indexer.IndexerProperties;

/**
 * The dead-letter topic and the container's error handler. A batch that fails as a whole
 * (Elasticsearch unreachable, retries exhausted) is retried without end, with back-off
 * from {@code indexer.retry.batch-initial-back-off} up to
 * {@code indexer.retry.batch-max-back-off}, while the container pauses the consumer and
 * keeps polling so the group does not rebalance: no offset is committed until the batch
 * is stored, and no record is dropped.
 */
@Configuration(proxyBeanMethods = false)
class IndexerKafkaConfiguration {

	@Bean
	KafkaAdmin.NewTopics indexerTopics(IndexerProperties properties) {
		return new KafkaAdmin.NewTopics(TopicBuilder.name(properties.deadLetterTopic())
			.partitions(properties.partitions())
			.replicas(properties.replicationFactor())
			.build());
	}

	@Bean
	CommonErrorHandler indexerErrorHandler(IndexerProperties properties) {
		return new DefaultErrorHandler(properties.retry().batchBackOff());
	}

}
