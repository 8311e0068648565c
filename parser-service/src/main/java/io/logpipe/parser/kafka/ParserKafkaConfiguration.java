package io.logpipe.parser.kafka;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AfterRollbackProcessor;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer.HeaderNames.HeadersToAdd;
import org.springframework.kafka.listener.DefaultAfterRollbackProcessor;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;

import io.logpipe.common.codec.EventDecodingException;
import io.logpipe.parser.metrics.LogCountProperties;
import io.logpipe.parser.rules.RuleEngine;

/**
 * Topics and failure handling of the transactional loop. A failure the listener does not
 * handle itself rolls the transaction back; the batch is redelivered a few times with
 * back-off ({@link RollbackProperties}), and a record that keeps failing goes to the
 * dead-letter topic in a transaction that also commits its offset, so it neither blocks
 * its partition nor disappears. It carries the same {@code logpipe-dlq-*} headers as the
 * listener's own dead letters, not spring-kafka's {@code kafka_dlt-*} ones.
 */
@Configuration(proxyBeanMethods = false)
class ParserKafkaConfiguration {

	/** How the reason of a dead letter the rollback recoverer sent begins. */
	static final String ROLLBACK_REASON = "rolled-back";

	@Bean
	KafkaAdmin.NewTopics parserTopics(ParserTopics topics, LogCountProperties logCounts, RuleEngine rules) {
		Set<String> names = new TreeSet<>(rules.routeTopics());
		names.addAll(List.of(topics.parsedTopic(), topics.deadLetterTopic(), logCounts.topic()));
		// The raw topics too: whichever of ingest-api and parser-service starts first
		// creates them with the configured partitions. Consumers never auto-create a
		// topic
		// (see logpipe-service-defaults.yml), which would make it with the broker's
		// default partitions.
		names.addAll(topics.rawTopics());
		return new KafkaAdmin.NewTopics(names.stream().map((name) -> topic(name, topics)).toArray(NewTopic[]::new));
	}

	@Bean
	AfterRollbackProcessor<Object, Object> afterRollbackProcessor(KafkaTemplate<Object, Object> template,
			ParserTopics topics, RollbackProperties rollback, Clock clock) {
		ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(rollback.retries());
		backOff.setInitialInterval(rollback.initialInterval().toMillis());
		backOff.setMultiplier(rollback.multiplier());
		backOff.setMaxInterval(rollback.maxInterval().toMillis());
		DefaultAfterRollbackProcessor<Object, Object> processor = new DefaultAfterRollbackProcessor<>(
				recoverer(template, new DeadLetterRecords(topics.deadLetterTopic(), clock)), backOff, template, true);
		processor.addNotRetryableExceptions(EventDecodingException.class);
		return processor;
	}

	/**
	 * Publishes a record that kept failing with our headers only: spring-kafka's own
	 * {@code kafka_dlt-*} headers are all turned off.
	 */
	static DeadLetterPublishingRecoverer recoverer(KafkaOperations<?, ?> template, DeadLetterRecords deadLetters) {
		DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
				(record, ex) -> new TopicPartition(deadLetters.topic(), -1));
		recoverer.excludeHeader(HeadersToAdd.values());
		recoverer.setHeadersFunction((record, ex) -> {
			Throwable cause = NestedExceptionUtils.getMostSpecificCause(ex);
			return deadLetters.headers(record, cause.getClass().getName(),
					ROLLBACK_REASON + ": " + cause.getClass().getSimpleName() + ": " + cause.getMessage());
		});
		return recoverer;
	}

	private static NewTopic topic(String name, ParserTopics topics) {
		return TopicBuilder.name(name).partitions(topics.partitions()).replicas(topics.replicationFactor()).build();
	}

}
