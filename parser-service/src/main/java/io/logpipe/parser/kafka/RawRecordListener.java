package io.logpipe.parser.kafka;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import io.logpipe.common.codec.EventCodec;
import io.logpipe.common.codec.EventDecodingException;
import io.logpipe.common.event.LogDocument;
import io.logpipe.common.event.RawLogRecord;
import io.logpipe.common.topic.KafkaHeaders;
import io.logpipe.parser.parse.DocumentBuilder;

/**
 * The consume-parse-produce loop. The listener container runs each polled batch in one
 * Kafka transaction (the producer's {@code transaction-id-prefix} makes Spring Boot
 * configure a {@code KafkaTransactionManager}): the documents, the dead letters and the
 * consumed offsets are committed together or not at all, so a crash neither loses nor
 * duplicates a record downstream ({@code read_committed} consumers).
 */
@Component
class RawRecordListener {

	private static final Logger logger = LoggerFactory.getLogger(RawRecordListener.class);

	private static final byte[] DOCUMENT_SCHEMA_VERSION = Integer.toString(LogDocument.SCHEMA_VERSION)
		.getBytes(StandardCharsets.UTF_8);

	private static final byte[] JSON = KafkaHeaders.JSON.getBytes(StandardCharsets.UTF_8);

	private final EventCodec codec;

	private final DocumentBuilder documents;

	private final KafkaTemplate<String, byte[]> kafka;

	private final ParserProperties properties;

	RawRecordListener(EventCodec codec, DocumentBuilder documents, KafkaTemplate<String, byte[]> kafka,
			ParserProperties properties) {
		this.codec = codec;
		this.documents = documents;
		this.kafka = kafka;
		this.properties = properties;
	}

	@KafkaListener(id = "parser", idIsGroup = false,
			topics = "#{@'parser.kafka-io.logpipe.parser.kafka.ParserProperties'.rawTopics()}", batch = "true")
	void onRawRecords(List<ConsumerRecord<String, byte[]>> records) {
		for (ConsumerRecord<String, byte[]> record : records) {
			RawLogRecord raw;
			try {
				raw = this.codec.decodeRaw(record.value());
			}
			catch (EventDecodingException ex) {
				deadLetter(record, "invalid-envelope", ex.getMessage());
				continue;
			}
			LogDocument document = this.documents.build(raw);
			this.kafka.send(new ProducerRecord<>(this.properties.parsedTopic(), null, record.key(),
					this.codec.encode(document), documentHeaders(record)));
		}
	}

	private void deadLetter(ConsumerRecord<String, byte[]> record, String reason, String detail) {
		logger.warn("Dead-lettering {}-{}@{}: {}: {}", record.topic(), record.partition(), record.offset(), reason,
				detail);
		RecordHeaders headers = new RecordHeaders(record.headers().toArray());
		headers.add(KafkaHeaders.DLQ_REASON, (reason + ": " + detail).getBytes(StandardCharsets.UTF_8));
		headers.add(KafkaHeaders.DLQ_STAGE, "parse".getBytes(StandardCharsets.UTF_8));
		headers.add(KafkaHeaders.DLQ_ORIGIN,
				(record.topic() + "-" + record.partition() + "@" + record.offset()).getBytes(StandardCharsets.UTF_8));
		this.kafka
			.send(new ProducerRecord<>(this.properties.deadLetterTopic(), null, record.key(), record.value(), headers));
	}

	private static RecordHeaders documentHeaders(ConsumerRecord<String, byte[]> record) {
		RecordHeaders headers = new RecordHeaders();
		headers.add(KafkaHeaders.SCHEMA_VERSION, DOCUMENT_SCHEMA_VERSION);
		headers.add(KafkaHeaders.CONTENT_TYPE, JSON);
		Header traceparent = record.headers().lastHeader(KafkaHeaders.TRACEPARENT);
		if (traceparent != null) {
			headers.add(traceparent);
		}
		return headers;
	}

}
