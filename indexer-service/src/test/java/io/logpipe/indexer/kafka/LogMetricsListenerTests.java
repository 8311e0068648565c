package io.logpipe.indexer.kafka;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.logpipe.indexer.index.PendingDocument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LogMetricsListenerTests {

	private final LogMetricsListener listener = new LogMetricsListener(null, null, null);

	@Test
	void readsIsoAndEpochWindowsAndIgnoresUnknownFields() {
		PendingDocument iso = this.listener.toDocument(
				record("""
						{"tenant":"Acme","service":"checkout","level":"ERROR","windowStart":"2026-11-21T10:00:00Z","count":3,"x":1}"""));
		PendingDocument epoch = this.listener.toDocument(record("""
				{"tenant":"Acme","service":"checkout","level":"ERROR","windowStart":1795255200000,"count":3}"""));
		assertThat(iso.dataStream()).startsWith("metrics-logpipe.log_counts-acme_");
		assertThat(new String(iso.json(), StandardCharsets.UTF_8)).contains("\"@timestamp\":\"2026-11-21T10:00:00Z\"")
			.contains("\"count\":3")
			.doesNotContain("\"x\"");
		assertThat(epoch.json()).isNotEmpty();
	}

	@Test
	void derivesTheIdFromTheRecordsPlaceSoARedeliveryIsStoredOnceAndEveryPartialCountIsKept() {
		String count = """
				{"tenant":"acme","service":"checkout","level":"INFO","window_start":"2026-11-21T10:00:00Z","count":3}""";
		String redelivered = this.listener.toDocument(record(count, 7)).id();
		assertThat(this.listener.toDocument(record(count, 7)).id()).isEqualTo(redelivered);
		assertThat(this.listener.toDocument(record(count, 8)).id()).as("a second batch's count of the same window")
			.isNotEqualTo(redelivered);
	}

	@Test
	void rejectsACountWithoutTenantWindowOrNumber() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.listener.toDocument(record("""
				{"service":"checkout","windowStart":"2026-11-21T10:00:00Z","count":3}""")));
		assertThatIllegalArgumentException().isThrownBy(() -> this.listener.toDocument(record("""
				{"tenant":"acme","windowStart":"yesterday","count":3}""")));
		assertThatIllegalArgumentException().isThrownBy(() -> this.listener.toDocument(record("not json")));
	}

	private static ConsumerRecord<String, byte[]> record(String json) {
		return record(json, 7);
	}

	private static ConsumerRecord<String, byte[]> record(String json, long offset) {
		return new ConsumerRecord<>("log-metrics", 0, offset, "acme", json.getBytes(StandardCharsets.UTF_8));
	}

}
