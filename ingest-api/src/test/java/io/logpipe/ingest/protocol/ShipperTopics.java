package io.logpipe.ingest.protocol;

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

import io.logpipe.common.codec.EventCodec;
import io.logpipe.common.event.RawLogRecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Reads what the shipper tests published to the real broker's raw app topic. */
public final class ShipperTopics implements AutoCloseable {

	public static final String APP = "shippers-it-app";

	private final EventCodec codec = new EventCodec();

	private final KafkaConsumer<String, byte[]> consumer;

	private final List<RawLogRecord> seen = new ArrayList<>();

	public ShipperTopics(String bootstrapServers) {
		this.consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ConsumerConfig.GROUP_ID_CONFIG,
						"shippers-it-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new StringDeserializer(), new ByteArrayDeserializer());
		this.consumer.subscribe(List.of(APP));
	}

	/** Polls until {@code count} records of the service arrived, and answers them. */
	public List<RawLogRecord> records(String service, int count) {
		Predicate<RawLogRecord> ofService = (record) -> service.equals(record.source().service());
		await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
			this.consumer.poll(Duration.ofMillis(500))
				.forEach((record) -> this.seen.add(this.codec.decodeRaw(record.value())));
			assertThat(this.seen.stream().filter(ofService).count()).isGreaterThanOrEqualTo(count);
		});
		return this.seen.stream().filter(ofService).toList();
	}

	@Override
	public void close() {
		this.consumer.close();
	}

}
