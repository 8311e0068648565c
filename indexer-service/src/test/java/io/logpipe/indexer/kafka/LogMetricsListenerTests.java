package io.logpipe.indexer.kafka;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.logpipe.indexer.bulk.PendingDocument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LogMetricsListenerTests {

	private final LogMetricsListener listener = new LogMetricsListener(null, null);

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
	void derivesTheSameIdForTheSameWindowSoARedeliveryIsStoredOnce() {
		String count = """
				{"tenant":"acme","service":"checkout","level":"INFO","windowStart":"2026-11-21T10:00:00Z","count":3}""";
		String other = count.replace("INFO", "WARN");
		assertThat(this.listener.toDocument(record(count)).id()).isEqualTo(this.listener.toDocument(record(count)).id())
			.isNotEqualTo(this.listener.toDocument(record(other)).id());
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
		return new ConsumerRecord<>("log-metrics", 0, 7, "acme", json.getBytes(StandardCharsets.UTF_8));
	}

}
