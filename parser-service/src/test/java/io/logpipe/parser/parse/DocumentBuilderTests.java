package io.logpipe.parser.parse;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.logpipe.common.event.Category;
import io.logpipe.common.event.LogDocument;
import io.logpipe.common.event.RawLogRecord;
import io.logpipe.common.event.Source;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentBuilderTests {

	private static final Instant RECEIVED = Instant.parse("2026-11-21T10:00:00Z");

	private static final Instant NOW = Instant.parse("2026-11-21T10:00:01Z");

	private final DocumentBuilder builder = new DocumentBuilder(Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void buildsTheEcsDocumentOfAStructuredEvent() {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("level", "warn");
		fields.put("timestamp", "2026-11-21T09:59:58.5+01:00");
		fields.put("service", "checkout");
		fields.put("cart_id", 42);

		LogDocument document = this.builder.build(raw("payment declined", fields));

		assertThat(document.timestamp()).isEqualTo(Instant.parse("2026-11-21T08:59:58.5Z"));
		assertThat(document.log().level()).isEqualTo("WARN");
		assertThat(document.message()).isEqualTo("payment declined");
		assertThat(document.service().name()).isEqualTo("checkout");
		assertThat(document.host().name()).isEqualTo("web-1");
		assertThat(document.organization().id()).isEqualTo("acme");
		assertThat(document.event().id()).isEqualTo("id-1");
		assertThat(document.event().ingested()).isEqualTo(NOW);
		assertThat(document.attributes()).containsExactly(Map.entry("cart_id", 42));
		assertThat(document.logpipe().category()).isEqualTo("app");
	}

	@Test
	void fallsBackToTheTimeOfReceiptWithoutAReadableTimestamp() {
		assertThat(this.builder.build(raw("m", Map.of())).timestamp()).isEqualTo(RECEIVED);
		assertThat(this.builder.build(raw("m", Map.of("timestamp", "yesterday"))).timestamp()).isEqualTo(RECEIVED);
	}

	@Test
	void readsEpochMillisAndEcsStyleLevels() {
		LogDocument document = this.builder
			.build(raw("m", Map.of("@timestamp", 1_763_719_200_000L, "log", Map.of("level", "error"))));

		assertThat(document.timestamp()).isEqualTo(Instant.ofEpochMilli(1_763_719_200_000L));
		assertThat(document.log().level()).isEqualTo("ERROR");
	}

	private static RawLogRecord raw(String message, Map<String, Object> fields) {
		return new RawLogRecord(1, "id-1", "acme", RECEIVED, Category.APP, "native",
				new Source("checkout", "web-1", null, "127.0.0.1"), message, fields, null);
	}

}
