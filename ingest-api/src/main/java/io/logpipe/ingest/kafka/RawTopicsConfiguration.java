package io.logpipe.ingest.kafka;

import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/** Creates the raw topics ingest writes, when they do not exist yet. */
@Configuration(proxyBeanMethods = false)
class RawTopicsConfiguration {

	@Bean
	KafkaAdmin.NewTopics rawTopics(IngestKafkaProperties properties) {
		IngestKafkaProperties.RawTopics topics = properties.topics();
		return new KafkaAdmin.NewTopics(topic(topics.app(), properties), topic(topics.system(), properties),
				topic(topics.security(), properties));
	}

	private static NewTopic topic(String name, IngestKafkaProperties properties) {
		return TopicBuilder.name(name)
			.partitions(properties.partitions())
			.replicas(properties.replicationFactor())
			.build();
	}

}
