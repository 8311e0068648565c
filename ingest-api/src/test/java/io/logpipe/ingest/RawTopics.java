package io.logpipe.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

import io.logpipe.common.codec.EventCodec;
import io.logpipe.common.event.RawLogRecord;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads what reached the raw topics, for the integration tests. */
public final class RawTopics implements AutoCloseable {

	private final EventCodec codec = new EventCodec();

	private final KafkaConsumer<String, byte[]> consumer;

	private final List<RawLogRecord> seen = new ArrayList<>();

	public RawTopics(String bootstrapServers, String... topics) {
		this.consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ConsumerConfig.GROUP_ID_CONFIG,
						"ingest-it-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new StringDeserializer(), new ByteArrayDeserializer());
		this.consumer.subscribe(List.of(topics));
	}

	/** Polls until {@code count} records that match arrived, and answers them. */
	public List<RawLogRecord> await(Predicate<RawLogRecord> matching, int count, Duration atMost) {
		Awaitility.await().atMost(atMost).untilAsserted(() -> {
			this.consumer.poll(Duration.ofMillis(500))
				.forEach((record) -> this.seen.add(this.codec.decodeRaw(record.value())));
			assertThat(this.seen.stream().filter(matching)).hasSizeGreaterThanOrEqualTo(count);
		});
		return this.seen.stream().filter(matching).toList();
	}

	/**
	 * Everything seen so far that matches. Called after {@link #await} found a marker
	 * sent after a rejected request with the same service (so on the same partition, in
	 * order), it shows whether the rejected request reached Kafka.
	 */
	public List<RawLogRecord> seen(Predicate<RawLogRecord> matching) {
		return this.seen.stream().filter(matching).toList();
	}

	@Override
	public void close() {
		this.consumer.close();
	}

}
