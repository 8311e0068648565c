package io.logpipe.ingest.protocol.loki;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import io.logpipe.common.event.RawLogRecord;
import io.logpipe.ingest.kafka.RawRecordPublisher;
import io.logpipe.ingest.protocol.ProtocolSlice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/** The HTTP contract of {@code POST /loki/api/v1/push}; Kafka is a mock here. */
@WebMvcTest(LokiController.class)
@Import({ ProtocolSlice.class, LokiErrors.class })
@TestPropertySource(properties = { "logpipe.auth.keys[0].sha256=" + ProtocolSlice.APP_KEY_SHA256,
		"logpipe.auth.keys[0].tenant=acme", "ingest.limits.max-event-size=1KB" })
class LokiControllerTests {

	private static final String PUSH = """
			{"streams":[{"stream":{"service_name":"checkout"},"values":[["1700000000000000000","%s"],["1700000000000000001","ok"]]}]}
			""";

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private RawRecordPublisher publisher;

	@Test
	void answers204AndTakesTheTenantFromTheKeyNeverFromXScopeOrgId() {
		MvcTestResult result = this.mvc.post()
			.uri(LokiController.PATH)
			.contentType("application/json")
			.header("Authorization", "Basic bG9ncGlwZTphcHAta2V5")
			.header("X-Scope-OrgID", "someone-else")
			.content(PUSH.formatted("payment declined"))
			.exchange();

		assertThat(result).hasStatus(204);
		@SuppressWarnings("unchecked")
		ArgumentCaptor<List<RawLogRecord>> records = ArgumentCaptor.forClass(List.class);
		verify(this.publisher).publish(records.capture(), any());
		assertThat(records.getValue()).extracting(RawLogRecord::tenant).containsOnly("acme");
		assertThat(records.getValue()).extracting(RawLogRecord::protocol).containsOnly("loki");
	}

	@Test
	void publishesTheGoodEntriesAndAnswers400NamingTheOneOverTheLimit() {
		MvcTestResult result = this.mvc.post()
			.uri(LokiController.PATH)
			.contentType("application/json")
			.header("Authorization", "Bearer app-key")
			.content(PUSH.formatted("x".repeat(2000)))
			.exchange();

		assertThat(result).hasStatus(400).bodyText().contains("1 of 2 entries were rejected").contains("entry 0");
		@SuppressWarnings("unchecked")
		ArgumentCaptor<List<RawLogRecord>> records = ArgumentCaptor.forClass(List.class);
		verify(this.publisher).publish(records.capture(), any());
		assertThat(records.getValue()).extracting(RawLogRecord::message).containsExactly("ok");
	}

	@Test
	void answersWithoutAKey401WithABasicChallengeAndPublishesNothing() {
		MvcTestResult result = this.mvc.post()
			.uri(LokiController.PATH)
			.contentType("application/json")
			.content(PUSH.formatted("x"))
			.exchange();

		assertThat(result).hasStatus(401).hasHeader("WWW-Authenticate", "Basic realm=\"logpipe\"");
		verify(this.publisher, never()).publish(anyList(), any());
	}

	@Test
	void answersReadyWithoutAKey() {
		assertThat(this.mvc.get().uri("/ready").exchange()).hasStatusOk().bodyText().isEqualTo("ready\n");
	}

}
