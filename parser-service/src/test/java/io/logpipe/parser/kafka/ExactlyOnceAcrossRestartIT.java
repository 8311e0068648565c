package io.logpipe.parser.kafka;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.logpipe.common.codec.EventCodec;
import io.logpipe.common.event.RawLogRecord;
import io.logpipe.testsupport.ServiceProcess;
import io.logpipe.testsupport.TestServers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Exactly-once across a crash: parser-service runs from its jar, as in production, and is
 * killed with SIGKILL while it works through a backlog, with a transaction open and
 * offsets not committed; no shutdown hook, no clean close. A new process (a new
 * transactional id, the same consumer group) takes over. A {@code read_committed} reader
 * then sees every record exactly once: the killed process's open transaction is aborted
 * and its records are parsed again by the new one.
 */
class ExactlyOnceAcrossRestartIT {

	private static final String RAW = "eo-restart-raw";

	private static final String PARSED = "eo-restart-parsed";

	private static final int RECORDS = 3000;

	/**
	 * After a SIGKILL the group waits for the dead member's session to expire and readers
	 * for its open transaction to time out: a minute or two on a loaded machine.
	 */
	private static final Duration TAKE_OVER = Duration.ofMinutes(4);

	private final KafkaProbe kafka = new KafkaProbe();

	private final EventCodec codec = new EventCodec();

	@Test
	void everyRecordIsParsedExactlyOnceWhenTheServiceIsKilledMidStream() throws Exception {
		this.kafka.createTopics(3, RAW);
		List<RawLogRecord> records = IntStream.range(0, RECORDS)
			.mapToObj((i) -> KafkaProbe.raw("restart-" + i, "level=info msg=\"line " + i + "\"", null))
			.toList();
		this.kafka.produce(RAW, records);

		try (ServiceProcess first = start()) {
			first.awaitReady(Duration.ofSeconds(150));
			await().atMost(Duration.ofSeconds(120))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> !this.kafka.readAll(PARSED).isEmpty());
			first.kill();
		}
		int beforeTheKill = this.kafka.readAll(PARSED).size();
		assertThat(beforeTheKill).as("records parsed before the kill: it must hit mid-stream")
			.isPositive()
			.isLessThan(RECORDS);

		try (ServiceProcess second = start()) {
			second.awaitReady(Duration.ofSeconds(150));
			// Within a partition records are processed in order, so once the last of
			// every partition is visible, any reprocessing after the kill is too.
			await().atMost(TAKE_OVER)
				.pollInterval(Duration.ofSeconds(1))
				.until(() -> ids(this.kafka.readAll(PARSED)).size() == RECORDS);
		}

		List<ConsumerRecord<String, byte[]>> parsed = this.kafka.readAll(PARSED);
		assertThat(ids(parsed)).isEqualTo(records.stream().map(RawLogRecord::id).collect(Collectors.toSet()));
		assertThat(parsed).as("documents in " + PARSED).hasSize(RECORDS);
	}

	private Set<String> ids(List<ConsumerRecord<String, byte[]>> parsed) {
		return parsed.stream()
			.map((record) -> this.codec.decodeDocument(record.value()).id())
			.collect(Collectors.toSet());
	}

	/** parser-service from its jar (built in the package phase, before the ITs). */
	private static ServiceProcess start() {
		return ServiceProcess.start(Path.of(".."), Path.of("target", "eo-restart-logs"), "parser-service",
				Map.of("spring.kafka.bootstrap-servers", TestServers.kafka().bootstrapServers(),
						"spring.kafka.consumer.group-id", "eo-restart-parser", "spring.kafka.consumer.max-poll-records",
						"20", "parser.kafka.raw-topics", RAW, "parser.kafka.parsed-topic", PARSED,
						"parser.kafka.dead-letter-topic", "eo-restart-dlq", "parser.metrics.topic",
						"eo-restart-metrics"));
	}

}
