package io.logpipe.parser.kafka;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AfterRollbackProcessor;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultAfterRollbackProcessor;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;

import io.logpipe.common.codec.EventDecodingException;
import io.logpipe.parser.metrics.ErrorRateProperties;
import io.logpipe.parser.rules.RuleEngine;

/**
 * Topics and failure handling of the transactional loop. A failure the listener does not
 * handle itself rolls the transaction back; the batch is redelivered a few times with
 * back-off, and a record that keeps failing goes to the dead-letter topic in a
 * transaction that also commits its offset, so it neither blocks its partition nor
 * disappears.
 */
@Configuration(proxyBeanMethods = false)
class ParserKafkaConfiguration {

	@Bean
	KafkaAdmin.NewTopics parserTopics(ParserProperties properties, ErrorRateProperties errorRates, RuleEngine rules) {
		Set<String> names = new TreeSet<>(rules.routeTopics());
		names.addAll(List.of(properties.parsedTopic(), properties.deadLetterTopic(), errorRates.topic()));
		// The raw topics too: whichever of ingest-api and parser-service starts first
		// creates them
		// with the configured partitions. Consumers never auto-create a topic (see
		// logpipe-service-defaults.yml), which would make it with the broker's default
		// partitions.
		names.addAll(properties.rawTopics());
		return new KafkaAdmin.NewTopics(names.stream().map((name) -> topic(name, properties)).toArray(NewTopic[]::new));
	}

	@Bean
	AfterRollbackProcessor<Object, Object> afterRollbackProcessor(KafkaTemplate<Object, Object> template,
			ParserProperties properties) {
		DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
				(record, ex) -> new TopicPartition(properties.deadLetterTopic(), -1));
		ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(3);
		backOff.setInitialInterval(200);
		backOff.setMultiplier(2);
		DefaultAfterRollbackProcessor<Object, Object> processor = new DefaultAfterRollbackProcessor<>(recoverer,
				backOff, template, true);
		processor.addNotRetryableExceptions(EventDecodingException.class);
		return processor;
	}

	private static NewTopic topic(String name, ParserProperties properties) {
		return TopicBuilder.name(name)
			.partitions(properties.partitions())
			.replicas(properties.replicationFactor())
			.build();
	}

}
