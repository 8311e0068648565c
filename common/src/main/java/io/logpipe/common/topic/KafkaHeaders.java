package io.logpipe.common.topic;

/**
 * Names of the Kafka headers logpipe writes on its records; a dead letter's own headers
 * are in {@link DeadLetterHeaders}.
 */
public final class KafkaHeaders {

	/** Schema version of the value, as a decimal string. */
	public static final String SCHEMA_VERSION = "logpipe-schema-version";

	/** Media type of the value ({@code application/json}). */
	public static final String CONTENT_TYPE = "content-type";

	/** W3C trace context of the request that produced the record. */
	public static final String TRACEPARENT = "traceparent";

	public static final String JSON = "application/json";

	private KafkaHeaders() {
	}

}
