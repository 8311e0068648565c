package io.logpipe.parser.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
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
import io.logpipe.common.metrics.LogCount;
import io.logpipe.parser.metrics.BatchLogCounts;
import io.logpipe.parser.metrics.LogCountProperties;
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
 * goes to the dead-letter topic. Both carry the {@code logpipe-dlq-*} headers of
 * {@link io.logpipe.common.topic.DeadLetterHeaders}.
 */
@Component
class RawRecordListener {

	private static final Logger logger = LoggerFactory.getLogger(RawRecordListener.class);

	private static final byte[] DOCUMENT_SCHEMA_VERSION = Integer.toString(LogDocument.SCHEMA_VERSION)
		.getBytes(StandardCharsets.UTF_8);

	private static final String INVALID_ENVELOPE = "invalid-envelope";

	private static final String PARSE_FAILURE = "parse-failure";

	private static final byte[] JSON = KafkaHeaders.JSON.getBytes(StandardCharsets.UTF_8);

	private final EventCodec codec;

	private final RecordProcessor processor;

	private final KafkaTemplate<String, byte[]> kafka;

	private final ParserTopics topics;

	private final LogCountProperties logCounts;

	private final DeadLetterRecords deadLetters;

	private final ParserMeters meters;

	RawRecordListener(EventCodec codec, RecordProcessor processor, KafkaTemplate<String, byte[]> kafka,
			ParserTopics topics, LogCountProperties logCounts, ParserMeters meters, Clock clock) {
		this.codec = codec;
		this.processor = processor;
		this.kafka = kafka;
		this.topics = topics;
		this.logCounts = logCounts;
		this.deadLetters = new DeadLetterRecords(topics.deadLetterTopic(), clock);
		this.meters = meters;
	}

	// The group is spring.kafka.consumer.group-id, not the listener id.
	@KafkaListener(id = "parser", idIsGroup = false,
			topics = "#{@'parser.kafka-io.logpipe.parser.kafka.ParserTopics'.rawTopics()}", batch = "true")
	void onRawRecords(List<ConsumerRecord<String, byte[]>> records) {
		BatchLogCounts counts = new BatchLogCounts(this.logCounts.window());
		for (ConsumerRecord<String, byte[]> record : records) {
			RawLogRecord raw;
			try {
				raw = this.codec.decodeRaw(record.value());
			}
			catch (EventDecodingException ex) {
				this.meters.failed(INVALID_ENVELOPE);
				deadLetter(record, INVALID_ENVELOPE, INVALID_ENVELOPE + ": " + ex.getMessage());
				continue;
			}
			Outcome outcome = this.processor.process(raw);
			if (outcome.failure() != null) {
				this.meters.failed(outcome.failure().reason());
				deadLetter(record, outcome.failure().reason(),
						PARSE_FAILURE + ": " + outcome.failure().reason() + ": " + outcome.failure().detail());
			}
			if (outcome.document() == null) {
				this.meters.dropped(outcome.droppedBy());
				continue;
			}
			String topic = (outcome.topic() != null) ? outcome.topic() : this.topics.parsedTopic();
			this.kafka.send(new ProducerRecord<>(topic, null, record.key(), this.codec.encode(outcome.document()),
					documentHeaders(record)));
			counts.count(outcome.document());
			this.meters.written(outcome.document());
		}
		for (LogCount count : counts.counts()) {
			this.kafka.send(new ProducerRecord<>(this.logCounts.topic(), null, count.partitionKey(),
					this.codec.encode(count), jsonHeaders()));
		}
	}

	/**
	 * @param errorType the failure's kind ({@code invalid-envelope},
	 * {@code format-mismatch}, ...)
	 * @param reason the whole reason, for people
	 */
	private void deadLetter(ConsumerRecord<String, byte[]> record, String errorType, String reason) {
		logger.warn("Dead-lettering {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), reason);
		this.kafka.send(this.deadLetters.deadLetter(record, errorType, reason));
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
