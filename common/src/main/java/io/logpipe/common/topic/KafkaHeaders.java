package io.logpipe.common.topic;

/** Names of the Kafka headers logpipe writes on its records. */
public final class KafkaHeaders {

	/** Schema version of the value, as a decimal string. */
	public static final String SCHEMA_VERSION = "logpipe-schema-version";

	/** Media type of the value ({@code application/json}). */
	public static final String CONTENT_TYPE = "content-type";

	/** W3C trace context of the request that produced the record. */
	public static final String TRACEPARENT = "traceparent";

	/** Why a record went to a dead-letter topic. */
	public static final String DLQ_REASON = "logpipe-dlq-reason";

	/**
	 * Which stage sent a record to a dead-letter topic ({@code parse}, {@code index}).
	 */
	public static final String DLQ_STAGE = "logpipe-dlq-stage";

	/** Topic, partition and offset the dead-lettered record came from. */
	public static final String DLQ_ORIGIN = "logpipe-dlq-origin";

	public static final String JSON = "application/json";

	private KafkaHeaders() {
	}

}
