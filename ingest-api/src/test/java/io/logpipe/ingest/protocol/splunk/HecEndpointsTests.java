package io.logpipe.ingest.protocol.splunk;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

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
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * Splunk HEC, pinned with the request and answer examples of Splunk's documentation
 * ("Format events for HTTP Event Collector", "HTTP Event Collector examples", the HEC
 * status code table): Splunk's own Java library is not on Maven Central, so these are the
 * contract.
 */
@WebMvcTest(HecController.class)
@Import(ProtocolSlice.class)
@TestPropertySource(properties = { "logpipe.auth.keys[0].sha256=" + ProtocolSlice.APP_KEY_SHA256,
		"logpipe.auth.keys[0].tenant=acme", "ingest.kafka.retry-after=7s", "spring.mvc.problemdetails.enabled=true" })
class HecEndpointsTests {

	private static final String CHANNEL = "FE0ECFAD-13D5-401B-847D-77833BD77131";

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private RawRecordPublisher publisher;

	@Test
	void acceptsTheBasicExampleAndAnswersSuccess() {
		MvcTestResult result = post("/services/collector/event", "{\"event\": \"hello world\"}");

		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().isStrictlyEqualTo("{\"text\":\"Success\",\"code\":0}");
		RawLogRecord record = published().getFirst();
		assertThat(record.message()).isEqualTo("hello world");
		assertThat(record.protocol()).isEqualTo("splunk-hec");
		assertThat(record.tenant()).isEqualTo("acme");
	}

	@Test
	void keepsTheMetadataOfAStructuredEventWithItsTime() {
		MvcTestResult result = post("/services/collector", """
				{"time": 1437522387, "host": "dataserver992.example.com", "source": "testapp", "sourcetype": "_json",
				 "index": "main", "event": {"message": "Something happened", "severity": "INFO"},
				 "fields": {"club": "glee", "wins": ["regionals", "nationals"], "service": "choir"}}""");

		assertThat(result).hasStatusOk();
		RawLogRecord record = published().getFirst();
		assertThat(record.message()).isEqualTo("Something happened");
		assertThat(record.source().host()).isEqualTo("dataserver992.example.com");
		assertThat(record.source().service()).isEqualTo("choir");
		assertThat(record.fields()).containsEntry("@timestamp", "2015-07-21T23:46:27Z")
			.containsEntry("severity", "INFO")
			.containsEntry("club", "glee")
			.containsEntry("wins", List.of("regionals", "nationals"))
			.containsEntry("splunk", Map.of("source", "testapp", "sourcetype", "_json", "index", "main"));
	}

	@Test
	void readsConcatenatedEventsWithOrWithoutSeparatorsAndTimeAsAString() {
		MvcTestResult result = post("/services/collector/event/1.0",
				"{\"event\":\"event 1\",\"time\":\"1700000000.123\"}{\"event\":\"event 2\"}\n{\"event\":\"event 3\"} {\"event\":42}",
				"application/x-www-form-urlencoded");

		assertThat(result).hasStatusOk();
		List<RawLogRecord> records = published();
		assertThat(records).extracting(RawLogRecord::message).containsExactly("event 1", "event 2", "event 3", "42");
		assertThat(records.getFirst().fields()).containsEntry("@timestamp", "2023-11-14T22:13:20.123Z");
	}

	@Test
	void takesRawLinesWithTheirQueryMetadataOnAChannel() {
		MvcTestResult result = this.mvc.post()
			.uri(URI.create("/services/collector/raw?channel=" + CHANNEL
					+ "&host=web-1&sourcetype=access_combined&source=%2Fvar%2Flog%2Fa.log"))
			.header("Authorization", "Splunk app-key")
			.content("127.0.0.1 - - GET /a 200\n\n127.0.0.1 - - GET /b 500\n")
			.exchange();

		assertThat(result).hasStatusOk();
		List<RawLogRecord> records = published();
		assertThat(records).extracting(RawLogRecord::message)
			.containsExactly("127.0.0.1 - - GET /a 200", "127.0.0.1 - - GET /b 500");
		assertThat(records.getFirst().source().host()).isEqualTo("web-1");
		assertThat(records.getFirst().fields()).containsEntry("splunk",
				Map.of("source", "/var/log/a.log", "sourcetype", "access_combined"));
	}

	@Test
	void rejectsRawDataThatIsNotUtf8AndPublishesNothing() {
		MvcTestResult result = this.mvc.post()
			.uri(URI.create("/services/collector/raw?channel=" + CHANNEL))
			.header("Authorization", "Splunk app-key")
			.content(new byte[] { 'o', 'k', '\n', (byte) 0xff, (byte) 0xfe, '\n' })
			.exchange();

		assertHec(result, 400, 6, "Invalid data format");
		assertThat(result).bodyJson().extractingPath("$.detail").isEqualTo("the body is not valid UTF-8");
		verify(this.publisher, never()).publish(anyList(), any());
	}

	@Test
	void requiresAChannelForRawDataAndAGuidWhereOneIsGiven() {
		assertHec(post("/services/collector/raw", "line"), 400, 10, "Data channel is missing");
		MvcTestResult invalid = this.mvc.post()
			.uri("/services/collector/event")
			.header("Authorization", "Splunk app-key")
			.header("X-Splunk-Request-Channel", "not-a-guid")
			.content("{\"event\":\"e\"}")
			.exchange();
		assertHec(invalid, 400, 11, "Invalid data channel");
		verify(this.publisher, never()).publish(anyList(), any());
	}

	@Test
	void answersTheDocumentedAuthorizationErrors() {
		assertHec(this.mvc.post().uri("/services/collector").content("{\"event\":\"e\"}").exchange(), 401, 2,
				"Token is required");
		assertHec(this.mvc.post()
			.uri("/services/collector")
			.header("Authorization", "app-key")
			.content("{\"event\":\"e\"}")
			.exchange(), 401, 3, "Invalid authorization");
		assertHec(this.mvc.post()
			.uri("/services/collector")
			.header("Authorization", "Splunk B5A79AAD-D822-46CC-80D1-819F80D7BFB0")
			.content("{\"event\":\"e\"}")
			.exchange(), 403, 4, "Invalid token");
		assertThat(this.mvc.post()
			.uri("/services/collector")
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString("x:app-key".getBytes(StandardCharsets.UTF_8)))
			.content("{\"event\":\"e\"}")
			.exchange()).hasStatusOk();
	}

	@Test
	void rejectsBadEventsWithTheirNumberAndPublishesNothingOfTheRequest() {
		assertHec(post("/services/collector", "{\"event\":\"ok\"}{\"time\":1}"), 400, 12, "Event field is required");
		assertThat(post("/services/collector", "{\"event\":\"ok\"}{\"time\":1}")).bodyJson()
			.extractingPath("$.invalid-event-number")
			.isEqualTo(1);
		assertHec(post("/services/collector", "{\"event\":\"\"}"), 400, 13, "Event field cannot be blank");
		assertHec(post("/services/collector", "{\"event\":\"ok\"}{\"event\": tru"), 400, 6, "Invalid data format");
		assertHec(post("/services/collector", "[{\"event\":\"in an array\"}]"), 400, 6, "Invalid data format");
		assertHec(post("/services/collector", "{\"event\":\"e\",\"time\":\"yesterday\"}"), 400, 6,
				"Invalid data format");
		assertHec(post("/services/collector", "{\"event\":\"e\",\"fields\":[1]}"), 400, 15,
				"Error in handling indexed fields");
		assertHec(post("/services/collector", ""), 400, 5, "No data");
		verify(this.publisher, never()).publish(anyList(), any());
	}

	@Test
	void answersServerBusyWithRetryAfterWhileKafkaDoesNotAcknowledge() {
		// As RawRecordPublisher throws it.
		doThrow(new ProblemException(ProblemType.KAFKA_UNAVAILABLE, "Kafka acknowledged 0 of 1").withRetryAfter(7))
			.when(this.publisher)
			.publish(anyList(), any());

		MvcTestResult result = post("/services/collector", "{\"event\":\"e\"}");

		assertHec(result, 503, 9, "Server is busy");
		assertThat(result).hasHeader("Retry-After", "7");
	}

	@Test
	void reportsHealthWithoutAToken() {
		assertHec(this.mvc.get().uri("/services/collector/health").exchange(), 200, 17, "HEC is healthy");
		assertHec(this.mvc.get().uri("/services/collector/health/1.0").exchange(), 200, 17, "HEC is healthy");
	}

	private MvcTestResult post(String uri, String body) {
		return post(uri, body, "application/json");
	}

	private MvcTestResult post(String uri, String body, String contentType) {
		return this.mvc.post()
			.uri(uri)
			.header("Authorization", "Splunk app-key")
			.header("Content-Type", contentType)
			.content(body)
			.exchange();
	}

	private static void assertHec(MvcTestResult result, int status, int code, String text) {
		assertThat(result).hasStatus(status);
		assertThat(result).bodyJson().extractingPath("$.code").isEqualTo(code);
		assertThat(result).bodyJson().extractingPath("$.text").isEqualTo(text);
	}

	@SuppressWarnings("unchecked")
	private List<RawLogRecord> published() {
		ArgumentCaptor<List<RawLogRecord>> records = ArgumentCaptor.forClass(List.class);
		verify(this.publisher, atLeastOnce()).publish(records.capture(), any());
		return records.getAllValues().stream().flatMap(List::stream).toList();
	}

}
