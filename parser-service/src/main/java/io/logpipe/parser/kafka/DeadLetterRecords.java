package io.logpipe.parser.kafka;

import java.time.Clock;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import io.logpipe.common.topic.DeadLetterHeaders;

/**
 * Builds the parser's dead letters, for the listener's own and for the rollback
 * recoverer's, so that both carry the same {@code logpipe-dlq-*} headers.
 */
final class DeadLetterRecords {

	private final String topic;

	private final Clock clock;

	DeadLetterRecords(String topic, Clock clock) {
		this.topic = topic;
		this.clock = clock;
	}

	String topic() {
		return this.topic;
	}

	/** The record's own headers followed by the dead-letter headers. */
	ProducerRecord<String, byte[]> deadLetter(ConsumerRecord<String, byte[]> record, String errorType, String reason) {
		RecordHeaders headers = new RecordHeaders(record.headers().toArray());
		headers(record, errorType, reason).forEach(headers::add);
		return new ProducerRecord<>(this.topic, null, record.key(), record.value(), headers);
	}

	/** The dead-letter headers alone. */
	Headers headers(ConsumerRecord<?, ?> record, String errorType, String reason) {
		RecordHeaders headers = new RecordHeaders();
		new DeadLetterHeaders(reason, DeadLetterHeaders.STAGE_PARSE, record.topic(), record.partition(),
				record.offset(), errorType, this.clock.instant())
			.addTo(headers::add);
		return headers;
	}

}
