package io.logpipe.common.codec;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.logpipe.common.event.Category;
import io.logpipe.common.event.LogDocument;
import io.logpipe.common.event.RawLogRecord;
import io.logpipe.common.event.Source;
import io.logpipe.common.metrics.LogCount;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventCodecTest {

	private final EventCodec codec = new EventCodec();

	@Test
	void rawRecordSurvivesARoundTrip() {
		RawLogRecord record = new RawLogRecord(1, "0190f3a1-0000-7000-8000-000000000001", "acme",
				Instant.parse("2026-11-21T10:15:30.123Z"), Category.SECURITY, "native",
				new Source("checkout", "web-1", "prod", "10.0.0.1"), "user logged in",
				Map.of("level", "info", "nested", Map.of("a", 1)), "json");

		RawLogRecord decoded = this.codec.decodeRaw(this.codec.encode(record));

		assertThat(decoded).isEqualTo(record);
	}

	@Test
	void writesCategoryAndTimesAsClientsReadThem() {
		RawLogRecord record = new RawLogRecord(1, "id-1", "acme", Instant.parse("2026-11-21T10:15:30Z"),
				Category.SYSTEM, "native", new Source("svc", null, null, null), "m", null, null);

		JsonNode json = this.codec.mapper().readTree(this.codec.encode(record));

		assertThat(json.get("category").asString()).isEqualTo("system");
		assertThat(json.get("receivedAt").asString()).isEqualTo("2026-11-21T10:15:30Z");
		assertThat(json.has("format")).as("null fields are left out").isFalse();
	}

	@Test
	void writesDocumentsWithEcsFieldNames() {
		LogDocument document = LogDocument.builder()
			.timestamp(Instant.parse("2026-11-21T10:15:30Z"))
			.message("GET /cart 200")
			.event(new LogDocument.Event("id-1", Instant.parse("2026-11-21T10:15:31Z"), null, null, null))
			.log(new LogDocument.Log("WARN", null, null))
			.service(new LogDocument.Service("checkout", "prod", null))
			.host(new LogDocument.Host("web-1"))
			.organization(new LogDocument.Organization("acme"))
			.userAgent(new LogDocument.UserAgent("curl/8.0", "curl", "8.0", null, null))
			.error(new LogDocument.ErrorInfo("java.lang.IllegalStateException", "boom", "at x"))
			.tags(List.of())
			.attributes(Map.of("cart_id", 42))
			.logpipe(new LogDocument.Pipeline(1, "app", "native", null, null, null))
			.build();

		JsonNode json = this.codec.mapper().readTree(this.codec.encode(document));

		assertThat(json.get("@timestamp").asString()).isEqualTo("2026-11-21T10:15:30Z");
		assertThat(json.at("/event/id").asString()).isEqualTo("id-1");
		assertThat(json.at("/log/level").asString()).isEqualTo("WARN");
		assertThat(json.at("/service/name").asString()).isEqualTo("checkout");
		assertThat(json.at("/host/name").asString()).isEqualTo("web-1");
		assertThat(json.at("/organization/id").asString()).isEqualTo("acme");
		assertThat(json.at("/user_agent/original").asString()).isEqualTo("curl/8.0");
		assertThat(json.at("/error/stack_trace").asString()).isEqualTo("at x");
		assertThat(json.at("/attributes/cart_id").asInt()).isEqualTo(42);
		assertThat(json.at("/logpipe/schema_version").asInt()).isEqualTo(1);
		assertThat(json.has("tags")).as("empty groups are left out").isFalse();
		assertThat(json.has("http")).isFalse();
		assertThat(this.codec.decodeDocument(this.codec.encode(document))).usingRecursiveComparison()
			.ignoringFields("tags")
			.isEqualTo(document);
	}

	@Test
	void ignoresFieldsANewerVersionAdded() {
		String json = """
				{"schemaVersion":2,"id":"id-1","tenant":"acme","receivedAt":"2026-11-21T10:15:30Z",
				 "category":"app","protocol":"native","source":{"service":"svc"},"message":"m",
				 "addedInVersion2":{"x":1}}""";

		RawLogRecord record = this.codec.decodeRaw(json.getBytes(StandardCharsets.UTF_8));

		assertThat(record.schemaVersion()).isEqualTo(2);
		assertThat(record.message()).isEqualTo("m");
		assertThat(record.fields()).isEmpty();
	}

	@Test
	void rejectsBytesThatAreNotARawRecord() {
		assertThatThrownBy(() -> this.codec.decodeRaw("not json".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(EventDecodingException.class)
			.hasMessageContaining("not a RawLogRecord");
		assertThatThrownBy(() -> this.codec.decodeRaw("{\"message\":\"m\"}".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(EventDecodingException.class)
			.hasMessageContaining("lacks");
		assertThatThrownBy(() -> this.codec.decodeRaw(new byte[0])).isInstanceOf(EventDecodingException.class);
	}

	@Test
	void logCountSurvivesARoundTripWithTheFieldNamesTheIndexerStores() {
		Instant start = Instant.parse("2026-11-21T10:15:00Z");
		LogCount count = new LogCount(start, start, start.plusSeconds(60), "acme", "checkout", "ERROR", 7);

		byte[] encoded = this.codec.encode(count);
		JsonNode json = this.codec.mapper().readTree(encoded);

		assertThat(json.get("window_start").asString()).isEqualTo("2026-11-21T10:15:00Z");
		assertThat(json.get("@timestamp").asString()).isEqualTo("2026-11-21T10:15:00Z");
		assertThat(json.has("windowStart")).isFalse();
		assertThat(this.codec.decodeLogCount(encoded)).isEqualTo(count);
	}

	@Test
	void rejectsALogCountWithoutTenantOrWindow() {
		assertThatThrownBy(() -> this.codec
			.decodeLogCount("{\"window_start\":\"2026-11-21T10:15:00Z\",\"count\":1}".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(EventDecodingException.class)
			.hasMessageContaining("tenant");
		assertThatThrownBy(
				() -> this.codec.decodeLogCount("{\"tenant\":\"acme\",\"count\":1}".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(EventDecodingException.class)
			.hasMessageContaining("window_start");
		assertThatThrownBy(() -> this.codec.decodeLogCount("[1]".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(EventDecodingException.class);
	}

}
