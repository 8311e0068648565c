package io.logpipe.common.codec;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import io.logpipe.common.event.Category;
import io.logpipe.common.event.RawLogRecord;
import io.logpipe.common.event.Source;
import io.logpipe.common.event.TraceContext;

import static org.assertj.core.api.Assertions.assertThat;

class RawRecordReaderTests {

	private final EventCodec codec = new EventCodec();

	private final RawRecordReader reader = new RawRecordReader(this.codec.mapper());

	@Test
	void readsWhatTheCodecWritesWithoutTheBeanBinding() {
		RawLogRecord record = new RawLogRecord(1, "id-1", "acme", Instant.parse("2026-11-21T10:15:30.123456Z"),
				Category.SECURITY, "native", new Source("checkout", "web-1", null, "10.0.0.1"), "m",
				Map.of("a", Map.of("b", 1)), "json", new TraceContext("4bf92f3577b34da6a3ce929d0e0e4736", null));

		assertThat(this.reader.read(this.codec.encode(record))).isEqualTo(record);
	}

	@Test
	void skipsUnknownPropertiesAtEveryLevel() {
		String json = """
				{"added":{"x":[1,{"y":2}]},"schemaVersion":2,"id":"i","tenant":"t","receivedAt":"2026-11-21T10:15:30Z",
				 "source":{"service":"s","addedToo":[null]},"trace":{"traceId":"a","x":{}},"category":"app"}""";

		RawLogRecord record = this.reader.read(json.getBytes(StandardCharsets.UTF_8));

		assertThat(record).isEqualTo(new RawLogRecord(2, "i", "t", Instant.parse("2026-11-21T10:15:30Z"), Category.APP,
				null, new Source("s", null, null, null), null, Map.of(), null, new TraceContext("a", null)));
	}

	@Test
	void readsJsonNullsAsNullsNotAsTheirText() {
		String json = """
				{"schemaVersion":null,"id":"i","tenant":"t","receivedAt":"2026-11-21T10:15:30Z","category":null,
				 "protocol":null,"source":{"service":"s","host":null},"message":null,"fields":null,"format":null,
				 "trace":null}""";

		RawLogRecord record = this.reader.read(json.getBytes(StandardCharsets.UTF_8));

		assertThat(record).isEqualTo(new RawLogRecord(0, "i", "t", Instant.parse("2026-11-21T10:15:30Z"), null, null,
				new Source("s", null, null, null), null, Map.of(), null, null));
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"schemaVersion\":\"1\"}", "{\"schemaVersion\":1.0}", "{\"schemaVersion\":3000000000}",
			"{\"id\":1}", "{\"id\":\"a\",\"id\":\"b\"}", "{\"receivedAt\":\"2026-11-22T02:36:40+01:00\"}",
			"{\"receivedAt\":1700000000}", "{\"category\":\"x\"}", "{\"source\":\"s\"}", "{\"source\":{\"host\":1}}",
			"{\"source\":{\"host\":\"a\",\"host\":\"b\"}}", "{\"fields\":[]}", "{\"trace\":[]}", "{} {}", "[]", "null",
			"", "{\"id\":" })
	void leavesEveryOtherShapeToTheBeanBinding(String json) {
		assertThat(this.reader.read(json.getBytes(StandardCharsets.UTF_8))).isNull();
	}

}
