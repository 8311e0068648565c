package io.logpipe.ingest.http;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import io.logpipe.ingest.kafka.RawRecordPublisher;

import static io.logpipe.ingest.http.LogsRequests.postJson;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What operators see: the meters after a few requests. (The Kafka produce timer is pinned
 * by {@code IngestKafkaIT}, where a real publisher runs.)
 */
@WebMvcTest(LogsController.class)
@Import(IngestSlice.class)
@TestPropertySource(properties = { "logpipe.auth.keys[0].sha256=" + IngestSlice.APP_KEY_SHA256,
		"logpipe.auth.keys[0].tenant=acme", "logpipe.auth.keys[0].rate-limit.requests=4",
		"logpipe.auth.keys[0].rate-limit.period=1h", "spring.mvc.problemdetails.enabled=true" })
class MetricsTests {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private MeterRegistry registry;

	@MockitoBean
	private RawRecordPublisher publisher;

	@Test
	void countsRequestsByOutcomeEventsByReasonBytesInAndRateLimitedRequests() {
		String partial = "[{\"message\":\"ok\"},{\"msg\":\"typo\"},{\"message\":\"ok too\"}]";
		postJson(this.mvc, "app-key", partial);
		postJson(this.mvc, "app-key", "[{\"msg\":\"typo\"}]");
		postJson(this.mvc, "wrong-key", "{\"message\":\"m\"}");
		postJson(this.mvc, "app-key", "{\"message\":\"m\"}");
		postJson(this.mvc, "app-key", "{\"message\":\"m\"}");
		postJson(this.mvc, "app-key", "{\"message\":\"over the limit\"}");

		assertThat(count("logpipe.ingest.requests", "outcome", "accepted")).isEqualTo(3);
		assertThat(count("logpipe.ingest.requests", "outcome", "no-valid-events")).isEqualTo(1);
		assertThat(count("logpipe.ingest.requests", "outcome", "unauthenticated")).isEqualTo(1);
		assertThat(count("logpipe.ingest.requests", "outcome", "rate-limited")).isEqualTo(1);
		assertThat(this.registry.get("logpipe.ingest.requests").tag("endpoint", "/api/v1/logs").counters())
			.isNotEmpty();
		assertThat(this.registry.get("logpipe.ingest.events.accepted").counter().count()).isEqualTo(4);
		assertThat(count("logpipe.ingest.events.rejected", "reason", "invalid-event")).isEqualTo(2);
		assertThat(count("logpipe.ingest.requests.limited", "reason", "rate-limited")).isEqualTo(1);
		assertThat(this.registry.get("logpipe.ingest.bytes.in").counter().count())
			.isEqualTo(partial.length() + "[{\"msg\":\"typo\"}]".length() + 2 * "{\"message\":\"m\"}".length());
		assertThat(this.registry.get("logpipe.ingest.inflight.bytes").gauge().value()).isZero();
	}

	private double count(String name, String tag, String value) {
		return this.registry.get(name).tag(tag, value).counter().count();
	}

}
