package io.logpipe.common.topic;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The headers of a dead letter, on logs-dlq and index-dlq alike, whichever path sent it
 * (the parser's listener, its rollback recoverer, the indexer): one set of names so that
 * one consumer can read and replay both topics. Values are UTF-8 text; this class holds
 * no Kafka type so that {@code common} stays free of client code: services add the pairs
 * to their records' headers.
 *
 * @param reason why, for people ({@code invalid-envelope: ...})
 * @param stage which stage gave up ({@link #STAGE_PARSE}, {@link #STAGE_INDEX})
 * @param originTopic the topic the record was read from
 * @param originPartition its partition
 * @param originOffset its offset
 * @param errorType the failure's type alone, so consumers can classify without parsing
 * the reason (an exception class, or Elasticsearch's error type)
 * @param time when it was dead-lettered
 */
public record DeadLetterHeaders(String reason, String stage, String originTopic, int originPartition, long originOffset,
		String errorType, Instant time) {

	public static final String REASON = "logpipe-dlq-reason";

	public static final String STAGE = "logpipe-dlq-stage";

	public static final String ORIGIN_TOPIC = "logpipe-dlq-origin-topic";

	public static final String ORIGIN_PARTITION = "logpipe-dlq-origin-partition";

	public static final String ORIGIN_OFFSET = "logpipe-dlq-origin-offset";

	public static final String ERROR_TYPE = "logpipe-dlq-error-type";

	/** ISO-8601 instant. */
	public static final String TIME = "logpipe-dlq-time";

	public static final String STAGE_PARSE = "parse";

	public static final String STAGE_INDEX = "index";

	/** The headers in a fixed order; a missing reason or error type is written empty. */
	public Map<String, byte[]> values() {
		Map<String, byte[]> values = new LinkedHashMap<>();
		values.put(REASON, bytes(this.reason));
		values.put(STAGE, bytes(this.stage));
		values.put(ORIGIN_TOPIC, bytes(this.originTopic));
		values.put(ORIGIN_PARTITION, bytes(Integer.toString(this.originPartition)));
		values.put(ORIGIN_OFFSET, bytes(Long.toString(this.originOffset)));
		values.put(ERROR_TYPE, bytes(this.errorType));
		values.put(TIME, bytes(this.time.toString()));
		return values;
	}

	/** Hands each header to {@code add}, e.g. {@code headers::add} of Kafka's headers. */
	public void addTo(BiConsumer<String, byte[]> add) {
		values().forEach(add);
	}

	private static byte[] bytes(String value) {
		return (value != null) ? value.getBytes(StandardCharsets.UTF_8) : new byte[0];
	}

}
