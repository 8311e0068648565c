package io.logpipe.parser.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.SendResult;

import io.logpipe.common.topic.DeadLetterHeaders;
import io.logpipe.common.topic.KafkaHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A record that keeps failing after its transaction rolled back is dead-lettered with the
 * same {@code logpipe-dlq-*} headers as the listener's own dead letters, and none of
 * spring-kafka's {@code kafka_dlt-*} headers.
 */
class RollbackDeadLetterTests {

	private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

	private final List<ProducerRecord<Object, Object>> sent = new ArrayList<>();

	private final KafkaTemplate<Object, Object> template = new KafkaTemplate<>(
			new DefaultKafkaProducerFactory<>(Map.of())) {

		@Override
		public CompletableFuture<SendResult<Object, Object>> send(ProducerRecord<Object, Object> record) {
			RollbackDeadLetterTests.this.sent.add(record);
			return CompletableFuture.completedFuture(new SendResult<>(record, null));
		}

	};

	@Test
	void deadLettersARecordAfterARollbackWithTheLogpipeHeadersOnly() {
		ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("app-logs", 2, 41L, "acme/checkout",
				"{\"id\":\"x\"}".getBytes(StandardCharsets.UTF_8));
		record.headers().add(KafkaHeaders.TRACEPARENT, "00-abc-def-01".getBytes(StandardCharsets.UTF_8));

		ParserKafkaConfiguration
			.recoverer(this.template, new DeadLetterRecords("logs-dlq", Clock.fixed(NOW, ZoneOffset.UTC)))
			.accept(record, new ListenerExecutionFailedException("listener failed",
					new IllegalStateException("producer fenced")));

		assertThat(this.sent).hasSize(1);
		ProducerRecord<Object, Object> deadLetter = this.sent.get(0);
		assertThat(deadLetter.topic()).isEqualTo("logs-dlq");
		assertThat(deadLetter.key()).isEqualTo("acme/checkout");
		assertThat(header(deadLetter, DeadLetterHeaders.REASON))
			.isEqualTo("rolled-back: IllegalStateException: producer fenced");
		assertThat(header(deadLetter, DeadLetterHeaders.STAGE)).isEqualTo("parse");
		assertThat(header(deadLetter, DeadLetterHeaders.ORIGIN_TOPIC)).isEqualTo("app-logs");
		assertThat(header(deadLetter, DeadLetterHeaders.ORIGIN_PARTITION)).isEqualTo("2");
		assertThat(header(deadLetter, DeadLetterHeaders.ORIGIN_OFFSET)).isEqualTo("41");
		assertThat(header(deadLetter, DeadLetterHeaders.ERROR_TYPE)).isEqualTo("java.lang.IllegalStateException");
		assertThat(header(deadLetter, DeadLetterHeaders.TIME)).isEqualTo("2026-11-21T10:00:00Z");
		assertThat(header(deadLetter, KafkaHeaders.TRACEPARENT)).as("the record's own headers are kept")
			.isEqualTo("00-abc-def-01");
		assertThat(Arrays.stream(deadLetter.headers().toArray()).map(Header::key))
			.noneMatch((key) -> key.startsWith("kafka_dlt"));
	}

	private static String header(ProducerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

}
