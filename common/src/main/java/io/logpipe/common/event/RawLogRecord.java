package io.logpipe.common.event;

import java.time.Instant;
import java.util.Map;

/**
 * One log event as ingest-api accepted it: the value on the raw topics.
 *
 * <p>
 * Ingest keeps what the client sent and adds only what it alone knows (id, tenant, time
 * of receipt, origin); parsing is parser-service's job. The {@code id} stays the same
 * through the whole pipeline and becomes the Elasticsearch {@code _id}.
 *
 * @param schemaVersion version of this record's shape, so that old and new services can
 * run side by side during a rolling upgrade
 * @param id time-ordered UUIDv7, or derived from the client's idempotency key
 * @param tenant from the credential, never from the body
 * @param receivedAt when ingest-api accepted the event
 * @param category which raw topic family the record belongs to
 * @param protocol how it arrived ({@code native}, {@code otlp}, {@code es-bulk}, ...)
 * @param source where it came from
 * @param message the raw line, if the client sent one
 * @param fields every other field of the structured event as sent (without
 * {@code message})
 * @param format the client's hint on how to parse {@code message} ({@code json},
 * {@code logfmt}, ...), or {@code null} to let the parser detect it
 * @param trace the trace context the request was sent in ({@code traceparent}), or
 * {@code null}; the event's own trace and span ids in {@code fields} win over it
 */
public record RawLogRecord(int schemaVersion, String id, String tenant, Instant receivedAt, Category category,
		String protocol, Source source, String message, Map<String, Object> fields, String format, TraceContext trace) {

	public static final int SCHEMA_VERSION = 1;

	public static final String PROTOCOL_NATIVE = "native";

	public RawLogRecord {
		fields = (fields != null) ? fields : Map.of();
	}

	/** A record sent without trace context. */
	public RawLogRecord(int schemaVersion, String id, String tenant, Instant receivedAt, Category category,
			String protocol, Source source, String message, Map<String, Object> fields, String format) {
		this(schemaVersion, id, tenant, receivedAt, category, protocol, source, message, fields, format, null);
	}

	/** This record with the trace context of the request that carried it. */
	public RawLogRecord withTrace(TraceContext trace) {
		return new RawLogRecord(this.schemaVersion, this.id, this.tenant, this.receivedAt, this.category, this.protocol,
				this.source, this.message, this.fields, this.format, trace);
	}

	/**
	 * The Kafka record key: one service's lines share a partition and so stay in order.
	 */
	public String partitionKey() {
		return this.tenant + "/" + this.source.service();
	}

}
