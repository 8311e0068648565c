package io.logpipe.indexer.admin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

import io.logpipe.service.problem.ProblemException;

/**
 * Reads whole topics as they are at the time of the call: every committed record from the
 * beginning of each partition up to its end offset when the read began, never waiting for
 * records written after that. A consumer of its own per call, without a group (it commits
 * nothing and joins nothing), {@code read_committed} so that the records of an aborted
 * parser transaction are not seen, and without creating a topic that does not exist.
 */
@Component
class TopicSnapshotReader {

	private static final Duration POLL = Duration.ofMillis(200);

	private final Map<String, Object> config;

	private final Duration timeout;

	TopicSnapshotReader(ConsumerFactory<?, ?> consumerFactory, AdminProperties properties) {
		Map<String, Object> config = new HashMap<>(consumerFactory.getConfigurationProperties());
		config.remove(ConsumerConfig.GROUP_ID_CONFIG);
		config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
		config.put(ConsumerConfig.CLIENT_ID_CONFIG, "indexer-dead-letter-replay");
		this.config = config;
		this.timeout = properties.timeout();
	}

	/**
	 * Hands the records of {@code topics} to {@code batches}, one poll at a time, in
	 * offset order per partition. A topic that does not exist has no records.
	 * @throws ProblemException 503 {@link AdminProblem#KAFKA_UNAVAILABLE} when Kafka does
	 * not answer, or no record arrives, within {@code indexer.admin.timeout}
	 */
	void read(Collection<String> topics, Consumer<List<ConsumerRecord<String, byte[]>>> batches) {
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(this.config, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			read(consumer, partitions(consumer, topics), batches);
		}
		catch (KafkaException ex) {
			throw new ProblemException(AdminProblem.KAFKA_UNAVAILABLE, "Kafka failed: " + ex, ex);
		}
	}

	private void read(KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions,
			Consumer<List<ConsumerRecord<String, byte[]>>> batches) {
		Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, this.timeout);
		Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions, this.timeout);
		Set<TopicPartition> remaining = new HashSet<>();
		for (TopicPartition partition : partitions) {
			if (beginnings.get(partition) < ends.get(partition)) {
				remaining.add(partition);
			}
		}
		List<TopicPartition> assigned = List.copyOf(remaining);
		consumer.assign(assigned);
		remaining.forEach((partition) -> consumer.seek(partition, beginnings.get(partition)));
		long lastProgress = System.nanoTime();
		while (!remaining.isEmpty()) {
			ConsumerRecords<String, byte[]> polled = consumer.poll(POLL);
			List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>(polled.count());
			for (ConsumerRecord<String, byte[]> record : polled) {
				if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
					batch.add(record);
				}
			}
			if (!batch.isEmpty()) {
				batches.accept(batch);
			}
			// A transaction's commit marker takes an offset too: the position, not the
			// last
			// record, tells when a partition is done.
			int before = remaining.size();
			remaining.removeIf((partition) -> consumer.position(partition, this.timeout) >= ends.get(partition));
			consumer.pause(assigned.stream().filter((partition) -> !remaining.contains(partition)).toList());
			if (!polled.isEmpty() || remaining.size() < before) {
				lastProgress = System.nanoTime();
			}
			else if (System.nanoTime() - lastProgress > this.timeout.toNanos()) {
				throw new ProblemException(AdminProblem.KAFKA_UNAVAILABLE,
						"no record of " + remaining + " arrived within " + this.timeout);
			}
		}
	}

	private List<TopicPartition> partitions(KafkaConsumer<String, byte[]> consumer, Collection<String> topics) {
		List<TopicPartition> partitions = new ArrayList<>();
		for (String topic : topics) {
			List<PartitionInfo> infos = consumer.partitionsFor(topic, this.timeout);
			if (infos != null) {
				infos.forEach((info) -> partitions.add(new TopicPartition(info.topic(), info.partition())));
			}
		}
		return partitions;
	}

}
