package io.logpipe.ingest.protocol.otlp;

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
import io.logpipe.ingest.problem.ProblemType;
import io.logpipe.ingest.protocol.ProtocolSlice;
import io.logpipe.service.problem.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.verify;

/** The HTTP contract of {@code POST /v1/logs}; Kafka is a mock here. */
@WebMvcTest(OtlpController.class)
@Import({ ProtocolSlice.class, OtlpErrors.class })
@TestPropertySource(properties = { "logpipe.auth.keys[0].sha256=" + ProtocolSlice.APP_KEY_SHA256,
		"logpipe.auth.keys[0].tenant=acme", "ingest.limits.max-event-size=1KB" })
class OtlpControllerTests {

	private static final String JSON = """
			{"resourceLogs":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"checkout"}}]},
			 "scopeLogs":[{"logRecords":[{"body":{"stringValue":"%s"},"traceId":"5b8efff798038103d269b633813fc60c"}]}]}]}
			""";

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private RawRecordPublisher publisher;

	@Test
	void answersAnEmptyJsonResponseAndPublishesTheRecordsOfTheKeysTenant() {
		MvcTestResult result = post(JSON.formatted("payment declined"), "Bearer app-key");

		assertThat(result).hasStatusOk().hasContentType("application/json");
		assertThat(result).bodyText().isEqualTo("{}");
		@SuppressWarnings("unchecked")
		ArgumentCaptor<List<RawLogRecord>> records = ArgumentCaptor.forClass(List.class);
		verify(this.publisher).publish(records.capture(), any());
		assertThat(records.getValue()).singleElement().satisfies((record) -> {
			assertThat(record.tenant()).isEqualTo("acme");
			assertThat(record.protocol()).isEqualTo("otlp");
			assertThat(record.source().service()).isEqualTo("checkout");
			assertThat(record.fields()).containsEntry("trace.id", "5b8efff798038103d269b633813fc60c");
		});
	}

	@Test
	void countsARecordOverTheEventLimitInPartialSuccess() {
		MvcTestResult result = post(JSON.formatted("x".repeat(2000)), "Bearer app-key");

		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().extractingPath("$.partialSuccess.rejectedLogRecords").isEqualTo("1");
		assertThat(result).bodyJson()
			.extractingPath("$.partialSuccess.errorMessage")
			.asString()
			.contains("ingest.limits.max-event-size");
	}

	@Test
	void answersWithoutAKey401AndAStatusInTheRequestsEncoding() {
		MvcTestResult result = post(JSON.formatted("x"), null);

		assertThat(result).hasStatus(401).hasContentType("application/json");
		assertThat(result).bodyJson().extractingPath("$.code").isEqualTo(16);
	}

	@Test
	void answers503WithRetryAfterWhenKafkaDoesNotAcknowledge() {
		// As the publisher throws it.
		willThrow(new ProblemException(ProblemType.KAFKA_UNAVAILABLE, "Kafka acknowledged 0").withRetryAfter(7))
			.given(this.publisher)
			.publish(anyList(), any());

		MvcTestResult result = post(JSON.formatted("x"), "Bearer app-key");

		assertThat(result).hasStatus(503).hasHeader("Retry-After", "7");
		assertThat(result).bodyJson().extractingPath("$.code").isEqualTo(14);
	}

	private MvcTestResult post(String body, String authorization) {
		var request = this.mvc.post().uri("/v1/logs").contentType("application/json").content(body);
		if (authorization != null) {
			request = request.header("Authorization", authorization);
		}
		return request.exchange();
	}

}
