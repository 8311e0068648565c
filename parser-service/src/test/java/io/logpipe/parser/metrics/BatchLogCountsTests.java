package io.logpipe.parser.metrics;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.logpipe.common.event.LogDocument;
import io.logpipe.common.metrics.LogCount;

import static org.assertj.core.api.Assertions.assertThat;

class BatchLogCountsTests {

	@Test
	void countsByTenantServiceLevelAndOneMinuteWindowOfEventTime() {
		BatchLogCounts rates = new BatchLogCounts(Duration.ofMinutes(1));
		rates.count(document("acme", "checkout", "ERROR", "2026-11-21T10:00:01Z"));
		rates.count(document("acme", "checkout", "ERROR", "2026-11-21T10:00:59.999Z"));
		rates.count(document("acme", "checkout", "ERROR", "2026-11-21T10:01:00Z"));
		rates.count(document("acme", "checkout", null, "2026-11-21T10:00:30Z"));
		rates.count(document("beta", "checkout", "ERROR", "2026-11-21T10:00:30Z"));

		Instant ten = Instant.parse("2026-11-21T10:00:00Z");
		Instant tenOne = Instant.parse("2026-11-21T10:01:00Z");
		assertThat(rates.counts()).containsExactlyInAnyOrder(
				new LogCount(ten, ten, tenOne, "acme", "checkout", "ERROR", 2),
				new LogCount(tenOne, tenOne, tenOne.plusSeconds(60), "acme", "checkout", "ERROR", 1),
				new LogCount(ten, ten, tenOne, "acme", "checkout", "NONE", 1),
				new LogCount(ten, ten, tenOne, "beta", "checkout", "ERROR", 1));
	}

	private static LogDocument document(String tenant, String service, String level, String timestamp) {
		return LogDocument.builder()
			.timestamp(Instant.parse(timestamp))
			.organization(new LogDocument.Organization(tenant))
			.service(new LogDocument.Service(service, null, null))
			.log((level != null) ? new LogDocument.Log(level, null, null) : null)
			.build();
	}

}
