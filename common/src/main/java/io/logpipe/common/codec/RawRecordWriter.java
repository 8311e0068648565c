package io.logpipe.common.codec;

import java.util.Arrays;

import io.logpipe.common.event.Category;
import io.logpipe.common.event.RawLogRecord;
import io.logpipe.common.event.Source;
import io.logpipe.common.event.TraceContext;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;

/**
 * Writes a {@link RawLogRecord} on Jackson's streaming generator, in the bytes Jackson's
 * bean serializer wrote for it: the record components in declaration order, {@code null}
 * values left out, {@code fields} always written. Other services of older versions read
 * these bytes during a rolling upgrade, so {@code EventCodecWireFormatTests} compares
 * them with the bean serializer's.
 *
 * <p>
 * Why by hand: the bean serializer was 17% of ingest-api's CPU (docs/performance). This
 * writer measured about as costly as that serializer (the time is in writing the
 * strings), but it shares {@link Json} with {@link DocumentWriter}, which is a third
 * cheaper than the document's bean serializer. The free-form {@code fields} are written
 * by {@link Json#map}.
 */
final class RawRecordWriter {

	private static final SerializableString SCHEMA_VERSION = new SerializedString("schemaVersion");

	private static final SerializableString ID = new SerializedString("id");

	private static final SerializableString TENANT = new SerializedString("tenant");

	private static final SerializableString RECEIVED_AT = new SerializedString("receivedAt");

	private static final SerializableString CATEGORY = new SerializedString("category");

	private static final SerializableString PROTOCOL = new SerializedString("protocol");

	private static final SerializableString SOURCE = new SerializedString("source");

	private static final SerializableString MESSAGE = new SerializedString("message");

	private static final SerializableString FIELDS = new SerializedString("fields");

	private static final SerializableString FORMAT = new SerializedString("format");

	private static final SerializableString TRACE = new SerializedString("trace");

	private static final SerializableString SERVICE = new SerializedString("service");

	private static final SerializableString HOST = new SerializedString("host");

	private static final SerializableString ENVIRONMENT = new SerializedString("environment");

	private static final SerializableString CLIENT_ADDRESS = new SerializedString("clientAddress");

	private static final SerializableString TRACE_ID = new SerializedString("traceId");

	private static final SerializableString SPAN_ID = new SerializedString("spanId");

	/**
	 * The categories' wire names, made once: {@link Category#wireName()} lower-cases anew
	 * on each call.
	 */
	private static final SerializableString[] CATEGORIES = Arrays.stream(Category.values())
		.map((category) -> new SerializedString(category.wireName()))
		.toArray(SerializableString[]::new);

	private RawRecordWriter() {
	}

	static void write(RawLogRecord record, JsonGenerator out) {
		out.writeStartObject();
		out.writeName(SCHEMA_VERSION);
		out.writeNumber(record.schemaVersion());
		Json.string(out, ID, record.id());
		Json.string(out, TENANT, record.tenant());
		Json.instant(out, RECEIVED_AT, record.receivedAt());
		if (record.category() != null) {
			out.writeName(CATEGORY);
			out.writeString(CATEGORIES[record.category().ordinal()]);
		}
		Json.string(out, PROTOCOL, record.protocol());
		if (record.source() != null) {
			out.writeName(SOURCE);
			source(out, record.source());
		}
		Json.string(out, MESSAGE, record.message());
		out.writeName(FIELDS);
		Json.map(out, record.fields());
		Json.string(out, FORMAT, record.format());
		if (record.trace() != null) {
			out.writeName(TRACE);
			trace(out, record.trace());
		}
		out.writeEndObject();
	}

	private static void source(JsonGenerator out, Source source) {
		out.writeStartObject();
		Json.string(out, SERVICE, source.service());
		Json.string(out, HOST, source.host());
		Json.string(out, ENVIRONMENT, source.environment());
		Json.string(out, CLIENT_ADDRESS, source.clientAddress());
		out.writeEndObject();
	}

	private static void trace(JsonGenerator out, TraceContext trace) {
		out.writeStartObject();
		Json.string(out, TRACE_ID, trace.traceId());
		Json.string(out, SPAN_ID, trace.spanId());
		out.writeEndObject();
	}

}
