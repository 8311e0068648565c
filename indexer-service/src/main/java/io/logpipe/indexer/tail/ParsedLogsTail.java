package io.logpipe.indexer.tail;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

import io.logpipe.indexer.IndexerProperties;

/**
 * The one consumer of this instance that feeds every live tail: it reads parsed-logs
 * without a consumer group (all partitions assigned, starting at their end, committed
 * transactions only), so each indexer instance sees every new document within a poll of
 * the parser's commit, and tails never disturb the indexing group or its offsets.
 *
 * <p>
 * While no tail is open its partitions are paused, so it fetches and decompresses nothing
 * (it was 15% of the indexer's CPU when it read every document for nobody). When a tail
 * opens, the consumer jumps to the end of every partition and resumes; the tail is told
 * it is ready only then ({@link #awaitPositioned}), so it misses nothing from that
 * moment.
 *
 * <p>
 * Runs on its own thread; {@link TailHub#publish} never waits, so a slow reader cannot
 * slow it. Partitions added to parsed-logs later are picked up at the next start.
 */
@Component
class ParsedLogsTail implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(ParsedLogsTail.class);

	private static final Duration POLL = Duration.ofMillis(200);

	private static final Duration TOPIC_WAIT = Duration.ofSeconds(2);

	private final Map<String, Object> consumerConfig;

	private final String topic;

	private final TailHub hub;

	private volatile KafkaConsumer<String, byte[]> consumer;

	private volatile Thread thread;

	private volatile boolean running;

	private volatile boolean live;

	/**
	 * Completed by the consumer once it reads on from a position taken after they asked.
	 */
	private final AtomicReference<CompletableFuture<Void>> positioned = new AtomicReference<>(
			new CompletableFuture<>());

	ParsedLogsTail(ConsumerFactory<?, ?> consumerFactory, IndexerProperties properties, TailHub hub) {
		Map<String, Object> config = new HashMap<>(consumerFactory.getConfigurationProperties());
		// No group: nothing is committed, no rebalance touches the indexing group.
		config.remove(ConsumerConfig.GROUP_ID_CONFIG);
		config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
		// A tail wants each document as soon as it is committed, not a full batch.
		config.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1);
		config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
		config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
		config.put(ConsumerConfig.CLIENT_ID_CONFIG, "indexer-tail");
		this.consumerConfig = config;
		this.topic = properties.parsedTopic();
		this.hub = hub;
	}

	/**
	 * Whether the consumer has found the end of every partition: a tail opened now misses
	 * nothing.
	 */
	boolean isLive() {
		return this.live;
	}

	/**
	 * Completes once the consumer reads from a position at least as new as this call, so
	 * that a tail registered before it misses no document committed after it. Call after
	 * {@link TailHub#open}: a paused consumer resumes only for an open tail.
	 */
	CompletableFuture<Void> awaitPositioned() {
		return this.positioned.get();
	}

	@Override
	public void start() {
		this.running = true;
		this.consumer = new KafkaConsumer<>(this.consumerConfig, new StringDeserializer(), new ByteArrayDeserializer());
		this.thread = Thread.ofPlatform().name("parsed-logs-tail").daemon().start(this::consume);
	}

	@Override
	public void stop() {
		this.running = false;
		KafkaConsumer<String, byte[]> current = this.consumer;
		if (current != null) {
			current.wakeup();
		}
		Thread reader = this.thread;
		if (reader != null) {
			try {
				reader.join(Duration.ofSeconds(10));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void consume() {
		try (KafkaConsumer<String, byte[]> kafka = this.consumer) {
			List<TopicPartition> partitions = awaitPartitions(kafka);
			if (partitions.isEmpty()) {
				return;
			}
			kafka.assign(partitions);
			kafka.seekToEnd(partitions);
			// position() resolves the end now, so a tail opened from here on misses
			// nothing.
			partitions.forEach(kafka::position);
			this.live = true;
			logger.info("Live tail reads {} from its end ({} partitions)", this.topic, partitions.size());
			boolean paused = false;
			while (this.running) {
				boolean idle = this.hub.isIdle();
				if (idle != paused) {
					paused = idle;
					if (idle) {
						kafka.pause(partitions);
					}
					else {
						// What was committed while nobody watched is nobody's: start at
						// the end.
						kafka.seekToEnd(partitions);
						partitions.forEach(kafka::position);
						kafka.resume(partitions);
					}
				}
				if (!idle) {
					this.positioned.getAndSet(new CompletableFuture<>()).complete(null);
				}
				ConsumerRecords<String, byte[]> records = kafka.poll(POLL);
				if (this.hub.isIdle()) {
					continue;
				}
				for (ConsumerRecord<String, byte[]> record : records) {
					this.hub.publish(record.key(), record.value());
				}
			}
		}
		catch (WakeupException ex) {
			// stop()
		}
		catch (RuntimeException ex) {
			logger.error("The live tail's consumer failed; tails get no more documents until a restart", ex);
		}
		finally {
			this.live = false;
		}
	}

	private List<TopicPartition> awaitPartitions(KafkaConsumer<String, byte[]> kafka) {
		while (this.running) {
			List<PartitionInfo> found = kafka.partitionsFor(this.topic);
			if (found != null && !found.isEmpty()) {
				return found.stream().map((p) -> new TopicPartition(p.topic(), p.partition())).toList();
			}
			// parser-service creates the topic; until it has, there is nothing to tail.
			try {
				Thread.sleep(TOPIC_WAIT);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return List.of();
			}
		}
		return List.of();
	}

}
