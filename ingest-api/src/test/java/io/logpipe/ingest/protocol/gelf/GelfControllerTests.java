package io.logpipe.ingest.protocol.gelf;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import io.logpipe.ingest.kafka.RawRecordPublisher;
import io.logpipe.ingest.protocol.ProtocolSlice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/** The HTTP contract of {@code POST /gelf}; Kafka is a mock here. */
@WebMvcTest(GelfController.class)
@Import({ ProtocolSlice.class, GelfErrors.class })
@TestPropertySource(properties = { "logpipe.auth.keys[0].sha256=" + ProtocolSlice.APP_KEY_SHA256,
		"logpipe.auth.keys[0].tenant=acme",
		// SHA-256 of "gelf-limited", a key of one request an hour
		"logpipe.auth.keys[1].sha256=c02f950ab8c72c3286423cc10163bb63f30c559691b4036f0f33511486514e98",
		"logpipe.auth.keys[1].tenant=acme", "logpipe.auth.keys[1].rate-limit.requests=1",
		"logpipe.auth.keys[1].rate-limit.period=1h" })
class GelfControllerTests {

	private static final String MESSAGE = "{\"host\":\"web-1\",\"short_message\":\"payment declined\"}";

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private RawRecordPublisher publisher;

	@Test
	void answers202ThenA503WithRetryAfterOnceTheRateLimitIsUsedUp() {
		MvcTestResult first = post(MESSAGE, "Bearer gelf-limited");
		MvcTestResult second = post(MESSAGE, "Bearer gelf-limited");

		assertThat(first).hasStatus(202);
		assertThat(second).hasStatus(503).containsHeader("Retry-After");
	}

	@Test
	void answers400AndPublishesNothingWhenAMessageOfTheRequestIsBad() {
		MvcTestResult result = this.mvc.post()
			.uri(GelfController.PATH)
			.header("Authorization", "Bearer app-key")
			.content(MESSAGE + "\n{\"host\":\"web-1\",\"message\":\"no short_message\"}")
			.exchange();

		assertThat(result).hasStatus(400).bodyText().contains("'short_message'");
		verify(this.publisher, never()).publish(anyList(), any());
	}

	private MvcTestResult post(String body, String authorization) {
		return this.mvc.post()
			.uri(GelfController.PATH)
			.header("Authorization", authorization)
			.contentType("application/json")
			.content(body)
			.exchange();
	}

}
