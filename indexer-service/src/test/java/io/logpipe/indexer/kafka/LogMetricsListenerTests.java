package io.logpipe.indexer.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.logpipe.common.codec.EventCodec;
import io.logpipe.common.codec.EventDecodingException;
import io.logpipe.common.metrics.LogCount;
import io.logpipe.indexer.index.PendingDocument;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class LogMetricsListenerTests {

	private static final Instant TEN = Instant.parse("2026-11-21T10:00:00Z");

	private final EventCodec codec = new EventCodec();

	private final LogMetricsListener listener = new LogMetricsListener(this.codec, null, null, null);

	@Test
	void storesTheCountTheParserEncodesAsAnEcsTimeSeriesDocument() {
		LogCount count = new LogCount(TEN, TEN, TEN.plusSeconds(60), "Acme", "checkout", "ERROR", 3);

		PendingDocument document = this.listener.toDocument(record(this.codec.encode(count), 7));

		assertThat(document.dataStream()).startsWith("metrics-logpipe.log_counts-acme_");
		JsonNode json = this.codec.mapper().readTree(document.json());
		assertThat(json.get("@timestamp").asString()).isEqualTo("2026-11-21T10:00:00Z");
		assertThat(json.at("/event/start").asString()).isEqualTo("2026-11-21T10:00:00Z");
		assertThat(json.at("/event/end").asString()).isEqualTo("2026-11-21T10:01:00Z");
		assertThat(json.at("/organization/id").asString()).isEqualTo("Acme");
		assertThat(json.at("/service/name").asString()).isEqualTo("checkout");
		assertThat(json.at("/log/level").asString()).isEqualTo("ERROR");
		assertThat(json.get("count").asLong()).isEqualTo(3);
	}

	@Test
	void readsAMissingServiceOrLevelAsUnknown() {
		PendingDocument document = this.listener.toDocument(record("""
				{"tenant":"acme","window_start":"2026-11-21T10:00:00Z","count":3,"added_later":1}"""));

		JsonNode json = this.codec.mapper().readTree(document.json());
		assertThat(json.at("/service/name").asString()).isEqualTo("unknown");
		assertThat(json.at("/log/level").asString()).isEqualTo("unknown");
		assertThat(json.has("added_later")).isFalse();
	}

	@Test
	void derivesTheIdFromTheRecordsPlaceSoARedeliveryIsStoredOnceAndEveryPartialCountIsKept() {
		byte[] count = this.codec.encode(new LogCount(TEN, TEN, TEN.plusSeconds(60), "acme", "checkout", "INFO", 3));
		String redelivered = this.listener.toDocument(record(count, 7)).id();
		assertThat(this.listener.toDocument(record(count, 7)).id()).isEqualTo(redelivered);
		assertThat(this.listener.toDocument(record(count, 8)).id()).as("a second batch's count of the same window")
			.isNotEqualTo(redelivered);
	}

	@Test
	void rejectsACountWithoutTenantOrWindow() {
		assertThatExceptionOfType(EventDecodingException.class).isThrownBy(() -> this.listener.toDocument(record("""
				{"service":"checkout","window_start":"2026-11-21T10:00:00Z","count":3}""")));
		assertThatExceptionOfType(EventDecodingException.class).isThrownBy(() -> this.listener.toDocument(record("""
				{"tenant":"acme","window_start":"yesterday","count":3}""")));
		assertThatExceptionOfType(EventDecodingException.class)
			.as("the parser writes snake_case; camelCase is not a second contract")
			.isThrownBy(() -> this.listener.toDocument(record("""
					{"tenant":"acme","windowStart":"2026-11-21T10:00:00Z","count":3}""")));
		assertThatExceptionOfType(EventDecodingException.class)
			.isThrownBy(() -> this.listener.toDocument(record("not json")));
	}

	private static ConsumerRecord<String, byte[]> record(String json) {
		return record(json.getBytes(StandardCharsets.UTF_8), 7);
	}

	private static ConsumerRecord<String, byte[]> record(byte[] json, long offset) {
		return new ConsumerRecord<>("log-metrics", 0, offset, "acme", json);
	}

}
