package io.logpipe.indexer.admin;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import io.logpipe.common.topic.DeadLetterHeaders;

/**
 * One record of a dead-letter topic, read through its {@code logpipe-dlq-*} headers.
 *
 * @param record the record as it is on the dead-letter topic
 * @param stage the stage that gave up ({@code parse}, {@code index}, or whatever the
 * header says)
 * @param errorType the failure's type, empty when the writer had none
 * @param reason the whole reason, for people
 * @param originTopic the topic the record was read from when it failed
 * @param time when it was dead-lettered
 */
record DeadLetter(ConsumerRecord<String, byte[]> record, String stage, String errorType, String reason,
		String originTopic, Instant time) {

	private static final String HEADER_PREFIX = "logpipe-dlq-";

	/**
	 * @return the dead letter, or {@code null} when the record lacks the stage, origin or
	 * time header or its time is not an instant (it was not written by a logpipe service)
	 */
	static DeadLetter of(ConsumerRecord<String, byte[]> record) {
		String stage = header(record.headers(), DeadLetterHeaders.STAGE);
		String originTopic = header(record.headers(), DeadLetterHeaders.ORIGIN_TOPIC);
		String time = header(record.headers(), DeadLetterHeaders.TIME);
		if (stage == null || stage.isEmpty() || originTopic == null || originTopic.isEmpty() || time == null) {
			return null;
		}
		try {
			return new DeadLetter(record, stage, orEmpty(header(record.headers(), DeadLetterHeaders.ERROR_TYPE)),
					orEmpty(header(record.headers(), DeadLetterHeaders.REASON)), originTopic, Instant.parse(time));
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	/**
	 * Identifies this dead letter among all that were ever written: its place, and its
	 * time, so that a dead-letter topic deleted and created again (offsets from 0) does
	 * not inherit the old topic's marks.
	 */
	String id() {
		return this.record.topic() + "/" + this.record.partition() + "/" + this.record.offset() + "/" + this.time;
	}

	/**
	 * The record as it was before it failed: its key, value and headers without the
	 * {@code logpipe-dlq-*} ones, to its origin topic. The partition is left to the key,
	 * which puts it where its key's other records are.
	 */
	ProducerRecord<String, byte[]> toOrigin() {
		List<Header> headers = new ArrayList<>();
		for (Header header : this.record.headers()) {
			if (!header.key().startsWith(HEADER_PREFIX)) {
				headers.add(header);
			}
		}
		return new ProducerRecord<>(this.originTopic, null, this.record.key(), this.record.value(), headers);
	}

	private static String header(Headers headers, String name) {
		Header header = headers.lastHeader(name);
		return (header != null && header.value() != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	private static String orEmpty(String value) {
		return (value != null) ? value : "";
	}

}
