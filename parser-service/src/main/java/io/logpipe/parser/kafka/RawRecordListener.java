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
import io.logpipe.parser.metrics.BatchErrorRates;
import io.logpipe.parser.metrics.ErrorRateProperties;
import io.logpipe.parser.metrics.LevelCount;
import io.logpipe.parser.metrics.ParserMeters;
import io.logpipe.parser.process.Outcome;
import io.logpipe.parser.process.RecordProcessor;

/**
 * The consume-parse-produce loop. The listener container runs each polled batch in one
 * Kafka transaction (the producer's {@code transaction-id-prefix} makes Spring Boot
 * configure a {@code KafkaTransactionManager}): the documents, the dead letters, the
 * batch's level counts on {@code log-metrics} and the consumed offsets are committed
 * together or not at all, so a crash neither loses nor duplicates a record downstream
 * ({@code read_committed} consumers).
 *
 * <p>
 * Dead letters: a record that is not a valid envelope goes to the dead-letter topic only;
 * a record whose message does not match its hinted format becomes a document tagged
 * {@link LogDocument#TAG_PARSE_FAILURE} with its raw message, and a copy of the record
 * goes to the dead-letter topic. Both carry reason, stage and origin headers.
 */
@Component
class RawRecordListener {

	private static final Logger logger = LoggerFactory.getLogger(RawRecordListener.class);

	private static final byte[] DOCUMENT_SCHEMA_VERSION = Integer.toString(LogDocument.SCHEMA_VERSION)
		.getBytes(StandardCharsets.UTF_8);

	private static final byte[] JSON = KafkaHeaders.JSON.getBytes(StandardCharsets.UTF_8);

	private final EventCodec codec;

	private final RecordProcessor processor;

	private final KafkaTemplate<String, byte[]> kafka;

	private final ParserProperties properties;

	private final ErrorRateProperties errorRates;

	private final ParserMeters meters;

	RawRecordListener(EventCodec codec, RecordProcessor processor, KafkaTemplate<String, byte[]> kafka,
			ParserProperties properties, ErrorRateProperties errorRates, ParserMeters meters) {
		this.codec = codec;
		this.processor = processor;
		this.kafka = kafka;
		this.properties = properties;
		this.errorRates = errorRates;
		this.meters = meters;
	}

	// The group is spring.kafka.consumer.group-id, not the listener id.
	@KafkaListener(id = "parser", idIsGroup = false,
			topics = "#{@'parser.kafka-io.logpipe.parser.kafka.ParserProperties'.rawTopics()}", batch = "true")
	void onRawRecords(List<ConsumerRecord<String, byte[]>> records) {
		BatchErrorRates counts = new BatchErrorRates(this.errorRates.window());
		for (ConsumerRecord<String, byte[]> record : records) {
			RawLogRecord raw;
			try {
				raw = this.codec.decodeRaw(record.value());
			}
			catch (EventDecodingException ex) {
				this.meters.failed("invalid-envelope");
				deadLetter(record, "invalid-envelope", ex.getMessage());
				continue;
			}
			Outcome outcome = this.processor.process(raw);
			if (outcome.failure() != null) {
				this.meters.failed(outcome.failure().reason());
				deadLetter(record, "parse-failure", outcome.failure().reason() + ": " + outcome.failure().detail());
			}
			if (outcome.document() == null) {
				this.meters.dropped(outcome.droppedBy());
				continue;
			}
			String topic = (outcome.topic() != null) ? outcome.topic() : this.properties.parsedTopic();
			this.kafka.send(new ProducerRecord<>(topic, null, record.key(), this.codec.encode(outcome.document()),
					documentHeaders(record)));
			counts.count(outcome.document());
			this.meters.written(outcome.document());
		}
		for (LevelCount count : counts.counts()) {
			this.kafka.send(new ProducerRecord<>(this.errorRates.topic(), null, count.tenant() + "/" + count.service(),
					this.codec.mapper().writeValueAsBytes(count), jsonHeaders()));
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
		RecordHeaders headers = jsonHeaders();
		Header traceparent = record.headers().lastHeader(KafkaHeaders.TRACEPARENT);
		if (traceparent != null) {
			headers.add(traceparent);
		}
		return headers;
	}

	private static RecordHeaders jsonHeaders() {
		RecordHeaders headers = new RecordHeaders();
		headers.add(KafkaHeaders.SCHEMA_VERSION, DOCUMENT_SCHEMA_VERSION);
		headers.add(KafkaHeaders.CONTENT_TYPE, JSON);
		return headers;
	}

}
