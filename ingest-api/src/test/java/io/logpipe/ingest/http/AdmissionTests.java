package io.logpipe.ingest.http;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import io.logpipe.ingest.admission.InFlightBytes;
import io.logpipe.ingest.kafka.RawRecordPublisher;

import static io.logpipe.ingest.http.LogsRequests.postJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * Turning requests away before their body is read: a key's rate limit, and ingest's cap
 * on bytes in flight.
 */
@WebMvcTest(LogsController.class)
@Import(IngestSlice.class)
@TestPropertySource(properties = { "logpipe.auth.keys[0].sha256=" + IngestSlice.APP_KEY_SHA256,
		"logpipe.auth.keys[0].tenant=acme", "logpipe.auth.keys[0].rate-limit.requests=2",
		"logpipe.auth.keys[0].rate-limit.period=1h", "logpipe.auth.keys[1].sha256=" + IngestSlice.APP_ONLY_KEY_SHA256,
		"logpipe.auth.keys[1].tenant=acme", "ingest.admission.max-in-flight-bytes=1KB",
		"ingest.admission.retry-after=3s", "spring.mvc.problemdetails.enabled=true" })
class AdmissionTests {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private InFlightBytes inFlight;

	@MockitoBean
	private RawRecordPublisher publisher;

	@Test
	void answers429WithRetryAfterAndRateLimitHeadersWhenTheKeysBucketIsEmpty() {
		MvcTestResult first = postJson(this.mvc, "app-key", "{\"message\":\"1\"}");
		MvcTestResult second = postJson(this.mvc, "app-key", "{\"message\":\"2\"}");
		MvcTestResult third = postJson(this.mvc, "app-key", "{\"message\":\"3\"}");

		assertThat(first).hasStatus(HttpStatus.ACCEPTED)
			.hasHeader("RateLimit-Limit", "2")
			.hasHeader("RateLimit-Remaining", "1");
		assertThat(second).hasStatus(HttpStatus.ACCEPTED).hasHeader("RateLimit-Remaining", "0");
		assertThat(third).hasStatus(HttpStatus.TOO_MANY_REQUESTS)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.hasHeader("RateLimit-Limit", "2")
			.hasHeader("RateLimit-Remaining", "0");
		assertThat(third).bodyJson().extractingPath("$.type").isEqualTo("urn:logpipe:problem:rate-limited");
		// 2 requests per hour: the next token comes in 30 minutes, the bucket is full in
		// 1 h.
		assertThat(Long.parseLong(third.getResponse().getHeader("Retry-After"))).isBetween(1700L, 1800L);
		assertThat(Long.parseLong(third.getResponse().getHeader("RateLimit-Reset"))).isBetween(3500L, 3600L);
	}

	@Test
	void doesNotLimitAKeyWithoutARateLimit() {
		for (int i = 0; i < 5; i++) {
			MvcTestResult result = postJson(this.mvc, "app-only-key", "{\"message\":\"m\"}");
			assertThat(result).hasStatus(HttpStatus.ACCEPTED).doesNotContainHeader("RateLimit-Limit");
		}
	}

	@Test
	void answers429AtOnceWhenTheInFlightBytesAreAtTheCapAndAcceptsAgainOnceReleased() {
		MvcTestResult refused;
		try (InFlightBytes.Reservation other = this.inFlight.reserve(1024)) {
			refused = postJson(this.mvc, "app-only-key", "{\"message\":\"needs room\"}");
		}
		MvcTestResult accepted = postJson(this.mvc, "app-only-key", "{\"message\":\"room again\"}");

		assertThat(refused).hasStatus(HttpStatus.TOO_MANY_REQUESTS).hasHeader("Retry-After", "3");
		assertThat(refused).bodyJson().extractingPath("$.type").isEqualTo("urn:logpipe:problem:overloaded");
		assertThat(refused).bodyJson()
			.extractingPath("$.detail")
			.asString()
			.contains("ingest.admission.max-in-flight-bytes");
		assertThat(accepted).hasStatus(HttpStatus.ACCEPTED);
		assertThat(this.inFlight.held()).isZero();
	}

	@Test
	void releasesTheInFlightBytesOfAFailedRequest() {
		postJson(this.mvc, "app-only-key", "[\"not an event\"]");
		postJson(this.mvc, "app-only-key", "{\"message\": broken");

		assertThat(this.inFlight.held()).isZero();
		verify(this.publisher, never()).publish(anyList(), any());
	}

	@Test
	void answersUnknownAndMissingKeysAlikeWhateverTheRateLimits() {
		MvcTestResult unknown = postJson(this.mvc, "not-a-key", "{\"message\":\"m\"}");
		MvcTestResult missing = postJson(this.mvc, null, "{\"message\":\"m\"}");

		for (MvcTestResult result : List.of(unknown, missing)) {
			assertThat(result).hasStatus(HttpStatus.UNAUTHORIZED).doesNotContainHeader("RateLimit-Limit");
		}
		assertThat(unknown.getResponse().getContentAsByteArray())
			.isEqualTo(missing.getResponse().getContentAsByteArray());
	}

}
