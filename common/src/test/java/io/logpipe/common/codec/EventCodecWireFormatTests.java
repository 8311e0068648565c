package io.logpipe.common.codec;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.logpipe.common.event.Category;
import io.logpipe.common.event.LogDocument;
import io.logpipe.common.event.RawLogRecord;
import io.logpipe.common.event.Source;
import io.logpipe.testsupport.fuzz.Fuzz;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins the bytes on the topics: services of older versions read them during a rolling
 * upgrade, so the codec's hand-written writers must agree with the bean serializer of the
 * same mapper, which they replaced and which is the oracle here.
 */
class EventCodecWireFormatTests {

	private final EventCodec codec = new EventCodec();

	private final JsonMapper mapper = this.codec.mapper();

	private final WireFormatExamples examples = new WireFormatExamples(this.mapper);

	@Test
	void writesRawRecordsByteForByteAsTheBeanSerializer() {
		for (RawLogRecord record : this.examples.rawRecords()) {
			assertWrittenAsBeanSerializer(record);
		}
	}

	@Test
	void readsRawRecordsBackFromItsOwnAndTheBeanSerializersBytes() {
		for (RawLogRecord record : this.examples.rawRecords()) {
			assertReadBack(record);
		}
	}

	@Test
	void writesDocumentsByteForByteAsTheBeanSerializer() {
		for (LogDocument document : this.examples.documents()) {
			assertThat(utf8(this.codec.encode(document))).as("%s", document)
				.isEqualTo(utf8(this.mapper.writeValueAsBytes(document)));
		}
	}

	@Test
	void leavesOutEmptyValuesButKeepsGroupsAndZeros() {
		List<LogDocument> documents = this.examples.documents();

		assertThat(utf8(this.codec.encode(documents.get(1)))).isEqualTo("{\"event\":{},\"log\":{},\"service\":{},"
				+ "\"host\":{},\"organization\":{},\"error\":{},\"http\":{\"request\":{},\"response\":{\"body\":{}}},"
				+ "\"url\":{},\"user_agent\":{\"os\":{},\"device\":{}},\"source\":{},\"trace\":{},\"span\":{},"
				+ "\"process\":{},\"logpipe\":{\"schema_version\":0}}");
		assertThat(utf8(this.codec.encode(documents.get(3)))).isEqualTo("{}");
	}

	@Test
	void writesNumberKeysOfNestedMapsAsTheBeanSerializer() {
		Map<Object, Object> byNumber = new LinkedHashMap<>();
		byNumber.put(1, "int");
		byNumber.put(2L, Map.of(3, List.of("nested")));
		RawLogRecord record = new RawLogRecord(1, "id-1", "acme", Instant.parse("2026-11-21T10:15:30Z"), Category.APP,
				"native", new Source("svc", null, null, null), "m", Map.of("byNumber", byNumber), null);

		assertWrittenAsBeanSerializer(record);
		assertThat(utf8(this.codec.encode(record))).contains("\"byNumber\":{\"1\":\"int\",\"2\":{\"3\":[\"nested\"]}}");
	}

	@Test
	void randomRawRecordsAreWrittenAsTheBeanSerializerAndReadBack() {
		Fuzz.of("raw record wire format", this.examples::randomRawRecord).tries(500).check((record) -> {
			assertWrittenAsBeanSerializer(record);
			assertReadBack(record);
		});
	}

	@Test
	void randomDocumentsAreWrittenAsTheBeanSerializer() {
		Fuzz.of("document wire format", this.examples::randomDocument)
			.tries(500)
			.check((document) -> assertThat(utf8(this.codec.encode(document)))
				.isEqualTo(utf8(this.mapper.writeValueAsBytes(document))));
	}

	private void assertWrittenAsBeanSerializer(RawLogRecord record) {
		assertThat(utf8(this.codec.encode(record))).as("%s", record)
			.isEqualTo(utf8(this.mapper.writeValueAsBytes(record)));
	}

	/**
	 * A record the codec takes (with id, tenant, receivedAt and source) reads back equal;
	 * one it refuses is refused as the bean serializer's bytes of it are.
	 */
	private void assertReadBack(RawLogRecord record) {
		Object fromBeans = outcome(() -> this.codec.decodeRaw(this.mapper.writeValueAsBytes(record)));
		if (record.id() != null && record.tenant() != null && record.receivedAt() != null && record.source() != null) {
			assertThat(fromBeans).as("%s", record).isEqualTo(record);
		}
		assertThat(outcome(() -> this.codec.decodeRaw(this.codec.encode(record)))).as("%s", record)
			.isEqualTo(fromBeans);
	}

	/** The record read, or the class and message of what was thrown instead. */
	private static Object outcome(java.util.function.Supplier<RawLogRecord> decode) {
		try {
			return decode.get();
		}
		catch (RuntimeException ex) {
			return ex.getClass().getName() + ": " + ex.getMessage();
		}
	}

	private static String utf8(byte[] bytes) {
		return new String(bytes, StandardCharsets.UTF_8);
	}

}
