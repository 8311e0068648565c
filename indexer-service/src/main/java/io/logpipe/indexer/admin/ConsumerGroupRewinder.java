package io.logpipe.indexer.admin;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.GroupNotEmptyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

import io.logpipe.service.problem.ProblemException;

/**
 * Rewinds the consumer group of the listener that reads a topic to the first offset of
 * each partition at or after a timestamp ({@code offsetsForTimes}): stops the listener
 * container (its consumer commits what it confirmed and leaves the group), alters the
 * group's committed offsets with the admin client, and starts the container again, which
 * resumes from the new offsets. The indexer's other listeners in the same group are
 * stopped and started with it. A partition with no record at or after the timestamp is
 * set to its end.
 *
 * <p>
 * Kafka alters a group's offsets only while the group has no members, so with several
 * replicas running the call fails with {@link AdminProblem#GROUP_NOT_EMPTY} (scale to one
 * replica, or stop the others, for a replay). Calls are serialized: two replays at once
 * would stop and start the same container.
 */
@Component
class ConsumerGroupRewinder {

	private static final Logger logger = LoggerFactory.getLogger(ConsumerGroupRewinder.class);

	private final Admin admin;

	private final KafkaListenerEndpointRegistry listeners;

	private final AdminProperties properties;

	ConsumerGroupRewinder(Admin admin, KafkaListenerEndpointRegistry listeners, AdminProperties properties) {
		this.admin = admin;
		this.listeners = listeners;
		this.properties = properties;
	}

	/** The group and the offset each partition now starts from. */
	record Rewound(String group, Map<Integer, Long> offsets) {
	}

	synchronized Rewound rewind(String topic, Instant from) {
		MessageListenerContainer container = this.listeners.getListenerContainers()
			.stream()
			.filter((candidate) -> candidate.getContainerProperties().getTopics() != null
					&& List.of(candidate.getContainerProperties().getTopics()).contains(topic))
			.findFirst()
			.orElseThrow(() -> new ProblemException(AdminProblem.INVALID_REPLAY,
					"the indexer does not consume the topic '" + topic + "'"));
		String group = container.getGroupId();
		// Every listener of this indexer in the group must leave it (parsed-logs and
		// log-metrics share one group), or Kafka refuses to alter its offsets.
		List<MessageListenerContainer> members = this.listeners.getListenerContainers()
			.stream()
			.filter((candidate) -> group.equals(candidate.getGroupId()))
			.toList();
		List<MessageListenerContainer> running = members.stream().filter(MessageListenerContainer::isRunning).toList();
		members.forEach(MessageListenerContainer::stop);
		try {
			Map<TopicPartition, OffsetAndMetadata> offsets = offsetsAt(topic, from);
			this.admin.alterConsumerGroupOffsets(group, offsets).all().get(timeout(), TimeUnit.MILLISECONDS);
			Map<Integer, Long> byPartition = new TreeMap<>();
			offsets.forEach((partition, offset) -> byPartition.put(partition.partition(), offset.offset()));
			logger.info("Rewound consumer group {} on {} to {}: {}", group, topic, from, byPartition);
			return new Rewound(group, byPartition);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof GroupNotEmptyException) {
				throw new ProblemException(AdminProblem.GROUP_NOT_EMPTY, "consumer group '" + group
						+ "' has other members; stop the other indexer replicas for a replay", ex.getCause());
			}
			throw new ProblemException(AdminProblem.KAFKA_UNAVAILABLE, "Kafka failed: " + ex.getCause(), ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new ProblemException(AdminProblem.KAFKA_UNAVAILABLE,
					"Kafka did not answer within " + this.properties.timeout(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ProblemException(AdminProblem.KAFKA_UNAVAILABLE, "interrupted", ex);
		}
		finally {
			running.forEach(MessageListenerContainer::start);
		}
	}

	private Map<TopicPartition, OffsetAndMetadata> offsetsAt(String topic, Instant from)
			throws ExecutionException, InterruptedException, TimeoutException {
		List<TopicPartitionInfo> partitions = this.admin.describeTopics(List.of(topic))
			.allTopicNames()
			.get(timeout(), TimeUnit.MILLISECONDS)
			.get(topic)
			.partitions();
		Map<TopicPartition, OffsetSpec> atTime = new HashMap<>();
		Map<TopicPartition, OffsetSpec> atEnd = new HashMap<>();
		for (TopicPartitionInfo partition : partitions) {
			TopicPartition tp = new TopicPartition(topic, partition.partition());
			atTime.put(tp, OffsetSpec.forTimestamp(from.toEpochMilli()));
			atEnd.put(tp, OffsetSpec.latest());
		}
		Map<TopicPartition, ListOffsetsResultInfo> found = this.admin.listOffsets(atTime)
			.all()
			.get(timeout(), TimeUnit.MILLISECONDS);
		Map<TopicPartition, ListOffsetsResultInfo> ends = this.admin.listOffsets(atEnd)
			.all()
			.get(timeout(), TimeUnit.MILLISECONDS);
		Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
		for (TopicPartition tp : atTime.keySet()) {
			long offset = found.get(tp).offset();
			// -1: no record at or after the timestamp; the partition starts from its end.
			offsets.put(tp, new OffsetAndMetadata((offset >= 0) ? offset : ends.get(tp).offset()));
		}
		return offsets;
	}

	private long timeout() {
		return this.properties.timeout().toMillis();
	}

}
