package io.logpipe.common.codec;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.logpipe.common.event.LogDocument;
import io.logpipe.common.event.RawLogRecord;
import io.logpipe.common.metrics.LogCount;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.util.BufferRecycler;
import tools.jackson.core.util.ByteArrayBuilder;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON codec for the records on the topics: raw records, documents and log
 * counts. Thread-safe; create one and share it.
 *
 * <p>
 * Unknown properties are ignored when reading so that a service of an older version keeps
 * working while a newer one, during a rolling upgrade, already writes fields it does not
 * know.
 *
 * <p>
 * Raw records and documents, the hot path of every event, are written by hand on the
 * streaming generator ({@link RawRecordWriter}, {@link DocumentWriter}); the bytes are
 * those the bean serializer wrote, so services of older versions read them. Everything
 * else, reading included, goes through the mapper's bean binding: a hand-written reader
 * of raw records on the streaming parser was measured about 10% slower than the bean
 * binding with {@link RecordCreators}, whose cost is the parsing itself and the map of
 * fields.
 */
public final class EventCodec {

	private final JsonMapper mapper;

	public EventCodec() {
		this.mapper = JsonMapper.builder()
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			// A missing number reads as 0; required fields are checked by
			// decodeRaw/decodeDocument.
			.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			.changeDefaultPropertyInclusion((inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
			.addModule(IsoInstants.module())
			.addModule(RecordCreators.module())
			.build();
	}

	public byte[] encode(RawLogRecord record) {
		return write(record, RawRecordWriter::write);
	}

	public byte[] encode(LogDocument document) {
		return write(document, DocumentWriter::write);
	}

	public byte[] encode(LogCount count) {
		return write(count);
	}

	/**
	 * Reads a raw record.
	 * @throws EventDecodingException when the bytes are not a raw record
	 */
	public RawLogRecord decodeRaw(byte[] json) {
		RawLogRecord record = read(json, RawLogRecord.class);
		if (record.id() == null || record.tenant() == null || record.receivedAt() == null || record.source() == null) {
			throw new EventDecodingException("raw record lacks one of id, tenant, receivedAt, source");
		}
		return record;
	}

	/**
	 * Reads a document.
	 * @throws EventDecodingException when the bytes are not a document
	 */
	public LogDocument decodeDocument(byte[] json) {
		LogDocument document = read(json, LogDocument.class);
		if (document.id() == null || document.timestamp() == null) {
			throw new EventDecodingException("document lacks event.id or @timestamp");
		}
		return document;
	}

	/**
	 * Reads a log count.
	 * @throws EventDecodingException when the bytes are not a log count
	 */
	public LogCount decodeLogCount(byte[] json) {
		LogCount count = read(json, LogCount.class);
		if (count.tenant() == null || count.tenant().isBlank() || count.windowStart() == null || count.count() < 0) {
			throw new EventDecodingException("log count lacks tenant or window_start, or its count is negative");
		}
		return count;
	}

	/**
	 * The mapper behind the codec, for services that read or write other JSON the same
	 * way.
	 */
	public JsonMapper mapper() {
		return this.mapper;
	}

	private byte[] write(Object value) {
		try {
			return this.mapper.writeValueAsBytes(value);
		}
		catch (JacksonException ex) {
			throw new IllegalStateException("cannot encode " + value.getClass().getSimpleName(), ex);
		}
	}

	private <T> byte[] write(T value, Writer<T> writer) {
		BufferRecycler recycler = this.mapper.tokenStreamFactory()._getBufferRecycler();
		try (ByteArrayBuilder bytes = new ByteArrayBuilder(recycler)) {
			try (JsonGenerator generator = this.mapper.createGenerator(bytes)) {
				writer.write(value, generator);
			}
			return bytes.getClearAndRelease();
		}
		catch (JacksonException ex) {
			throw new IllegalStateException("cannot encode " + value.getClass().getSimpleName(), ex);
		}
		finally {
			recycler.releaseToPool();
		}
	}

	private <T> T read(byte[] json, Class<T> type) {
		if (json == null || json.length == 0) {
			throw new EventDecodingException("empty value, expected a " + type.getSimpleName());
		}
		try {
			T value = this.mapper.readValue(json, type);
			if (value == null) {
				throw new EventDecodingException("null value, expected a " + type.getSimpleName());
			}
			return value;
		}
		catch (JacksonException ex) {
			throw new EventDecodingException("not a " + type.getSimpleName() + ": " + ex.getOriginalMessage(), ex);
		}
	}

	@FunctionalInterface
	private interface Writer<T> {

		void write(T value, JsonGenerator generator);

	}

}
