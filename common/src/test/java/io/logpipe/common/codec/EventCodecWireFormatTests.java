package io.logpipe.common.codec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.logpipe.common.event.LogDocument;
import io.logpipe.common.event.RawLogRecord;
import io.logpipe.testsupport.fuzz.Fuzz;
import io.logpipe.testsupport.fuzz.Inputs;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins the bytes on the topics: services of older versions read them during a rolling
 * upgrade, so the codec's hand-written writers and reader must agree with the bean
 * (de)serialization of the same mapper, which they replaced and which is the oracle here.
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

	/**
	 * Whatever the bytes, the streaming reader answers what the bean binding answered:
	 * the same record, or an {@link EventDecodingException} with the same message.
	 */
	@Test
	void readsMangledRawRecordsAsTheBeanBindingDid() {
		List<String> seeds = new ArrayList<>();
		for (RawLogRecord record : this.examples.rawRecords()) {
			seeds.add(utf8(this.codec.encode(record)));
		}
		seeds.add("""
				{"schemaVersion":"1","id":1,"tenant":true,"receivedAt":"2026-11-22T02:36:40.25+01:00",
				 "category":"APP ","protocol":"native","source":{"service":"svc","host":7},"message":"m",
				 "fields":{"a":[1,2.5,null]},"trace":{"traceId":"t","spanId":null},"extra":[{"x":1}]}""");
		seeds.add("""
				{"schemaVersion":1.5,"id":"i","tenant":"t","receivedAt":1700000000,"category":"nope",
				 "source":"svc","fields":[],"trace":"x","id":"again"}""");
		seeds.add("""
				{"schemaVersion":null,"id":"i","tenant":"t","receivedAt":"2026-11-21T10:15:30Z","category":null,
				 "protocol":null,"source":{"service":null,"host":null},"message":null,"fields":null,"format":null,
				 "trace":{"traceId":null}}""");
		seeds.add("{\"schemaVersion\":99999999999,\"id\":\"i\",\"tenant\":\"t\",\"receivedAt\":null,\"source\":null}");
		Fuzz.of("raw record decoding", (random) -> Inputs.mutatedText(random, seeds))
			.tries(1_000)
			.check((bytes) -> assertThat(outcome(() -> this.codec.decodeRaw(bytes))).isEqualTo(beanDecodeRaw(bytes)));
		for (String seed : seeds) {
			byte[] bytes = seed.getBytes(StandardCharsets.UTF_8);
			assertThat(outcome(() -> this.codec.decodeRaw(bytes))).isEqualTo(beanDecodeRaw(bytes));
		}
	}

	private void assertWrittenAsBeanSerializer(RawLogRecord record) {
		assertThat(utf8(this.codec.encode(record))).as("%s", record)
			.isEqualTo(utf8(this.mapper.writeValueAsBytes(record)));
	}

	/**
	 * A record the codec takes (with id, tenant, receivedAt and source) reads back equal;
	 * one it refuses is refused as the bean binding refused it.
	 */
	private void assertReadBack(RawLogRecord record) {
		byte[] ours = this.codec.encode(record);
		byte[] beans = this.mapper.writeValueAsBytes(record);
		Object expected = (record.id() != null && record.tenant() != null && record.receivedAt() != null
				&& record.source() != null) ? record : beanDecodeRaw(beans);
		assertThat(outcome(() -> this.codec.decodeRaw(ours))).as("%s", record).isEqualTo(expected);
		assertThat(outcome(() -> this.codec.decodeRaw(beans))).as("%s", record).isEqualTo(expected);
		assertThat(beanDecodeRaw(beans)).isEqualTo(expected);
	}

	/** What {@code decodeRaw} answered when it read through the bean binding alone. */
	private Object beanDecodeRaw(byte[] json) {
		return outcome(() -> {
			if (json.length == 0) {
				throw new EventDecodingException("empty value, expected a RawLogRecord");
			}
			RawLogRecord record;
			try {
				record = this.mapper.readValue(json, RawLogRecord.class);
			}
			catch (JacksonException ex) {
				throw new EventDecodingException("not a RawLogRecord: " + ex.getOriginalMessage(), ex);
			}
			if (record == null) {
				throw new EventDecodingException("null value, expected a RawLogRecord");
			}
			if (record.id() == null || record.tenant() == null || record.receivedAt() == null
					|| record.source() == null) {
				throw new EventDecodingException("raw record lacks one of id, tenant, receivedAt, source");
			}
			return record;
		});
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
