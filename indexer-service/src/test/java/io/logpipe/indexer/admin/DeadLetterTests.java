package io.logpipe.indexer.admin;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import io.logpipe.common.topic.DeadLetterHeaders;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterTests {

	private static final Instant TIME = Instant.parse("2026-12-01T10:00:00Z");

	@Test
	void goesBackToItsOriginWithItsKeyValueAndOwnHeadersButNoDeadLetterHeader() {
		ConsumerRecord<String, byte[]> record = record();
		record.headers().add("traceparent", bytes("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"));
		new DeadLetterHeaders("parse-failure: format-mismatch: no match", "parse", "app-logs", 2, 42, "format-mismatch",
				TIME)
			.addTo(record.headers()::add);

		DeadLetter deadLetter = DeadLetter.of(record);
		ProducerRecord<String, byte[]> origin = deadLetter.toOrigin();

		assertThat(deadLetter.stage()).isEqualTo("parse");
		assertThat(deadLetter.errorType()).isEqualTo("format-mismatch");
		assertThat(deadLetter.time()).isEqualTo(TIME);
		assertThat(origin.topic()).isEqualTo("app-logs");
		assertThat(origin.partition()).isNull();
		assertThat(origin.key()).isEqualTo("default/nginx");
		assertThat(origin.value()).isEqualTo(bytes("{\"message\":\"x\"}"));
		assertThat(origin.headers().toArray()).extracting(Header::key).containsExactly("traceparent");
	}

	@Test
	void isIdentifiedByItsPlaceAndTime() {
		ConsumerRecord<String, byte[]> record = record();
		new DeadLetterHeaders("r", "index", "parsed-logs", 0, 1, "e", TIME).addTo(record.headers()::add);

		assertThat(DeadLetter.of(record).id()).isEqualTo("logs-dlq/1/7/2026-12-01T10:00:00Z");
	}

	@Test
	void isNoDeadLetterWithoutStageOriginOrAValidTime() {
		assertThat(DeadLetter.of(record())).isNull();
		ConsumerRecord<String, byte[]> badTime = record();
		badTime.headers().add(DeadLetterHeaders.STAGE, bytes("index"));
		badTime.headers().add(DeadLetterHeaders.ORIGIN_TOPIC, bytes("parsed-logs"));
		badTime.headers().add(DeadLetterHeaders.TIME, bytes("yesterday"));
		assertThat(DeadLetter.of(badTime)).isNull();
	}

	@Test
	void readsAMissingErrorTypeAndReasonAsEmpty() {
		ConsumerRecord<String, byte[]> record = record();
		record.headers().add(DeadLetterHeaders.STAGE, bytes("index"));
		record.headers().add(DeadLetterHeaders.ORIGIN_TOPIC, bytes("parsed-logs"));
		record.headers().add(DeadLetterHeaders.TIME, bytes(TIME.toString()));

		DeadLetter deadLetter = DeadLetter.of(record);

		assertThat(deadLetter.errorType()).isEmpty();
		assertThat(deadLetter.reason()).isEmpty();
	}

	private static ConsumerRecord<String, byte[]> record() {
		return new ConsumerRecord<>("logs-dlq", 1, 7, "default/nginx", bytes("{\"message\":\"x\"}"));
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
