package io.logpipe.ingest.http;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import io.logpipe.common.codec.EventCodec;
import io.logpipe.common.event.Category;
import io.logpipe.common.event.RawLogRecord;
import io.logpipe.ingest.kafka.RawRecordPublisher;
import io.logpipe.ingest.problem.IngestException;
import io.logpipe.ingest.problem.ProblemType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * The HTTP contract of {@code POST /api/v1/logs}. Kafka is replaced by a mock here; the
 * integration tests publish to a real broker.
 */
@WebMvcTest(LogsController.class)
@Import(IngestSlice.class)
@TestPropertySource(
		properties = { "logpipe.auth.keys[0].sha256=" + IngestSlice.APP_KEY_SHA256, "logpipe.auth.keys[0].tenant=acme",
				"logpipe.auth.keys[1].sha256=" + IngestSlice.APP_ONLY_KEY_SHA256, "logpipe.auth.keys[1].tenant=acme",
				"logpipe.auth.keys[1].categories=app", "spring.mvc.problemdetails.enabled=true" })
class LogsControllerTests {

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private RawRecordPublisher publisher;

	@Test
	void acceptsOneEventAndAnswersWithItsId() {
		MvcTestResult result = post("app-key", "{\"message\":\"hello\",\"level\":\"warn\",\"service\":\"checkout\"}");

		assertThat(result).hasStatus(HttpStatus.ACCEPTED);
		assertThat(result).bodyJson().extractingPath("$.accepted").isEqualTo(1);
		List<RawLogRecord> published = published();
		assertThat(result).bodyJson().extractingPath("$.ids[0]").isEqualTo(published.get(0).id());
		RawLogRecord record = published.get(0);
		assertThat(record.message()).isEqualTo("hello");
		assertThat(record.source().service()).isEqualTo("checkout");
		assertThat(record.category()).isEqualTo(Category.APP);
		assertThat(record.receivedAt()).isEqualTo(IngestSlice.NOW);
		assertThat(record.fields()).containsEntry("level", "warn").doesNotContainKey("message");
	}

	@Test
	void readsServiceHostAndEnvironmentAsPlainStringsOrEcsGroups() {
		post("app-key", "[{\"message\":\"a\",\"service\":\"checkout\",\"host\":\"web-1\"},"
				+ "{\"message\":\"b\",\"service\":{\"name\":\"cart\",\"environment\":\"prod\"},\"host.name\":\"web-2\"},"
				+ "{\"message\":\"c\",\"service.name\":\"billing\",\"environment\":\"staging\"}]");

		List<RawLogRecord> published = published();
		assertThat(published).extracting((record) -> record.source().service())
			.containsExactly("checkout", "cart", "billing");
		assertThat(published).extracting((record) -> record.source().host()).containsExactly("web-1", "web-2", null);
		assertThat(published).extracting((record) -> record.source().environment())
			.as("a plain service name says nothing of the environment")
			.containsExactly(null, "prod", "staging");
	}

	@Test
	void takesTheTenantFromTheKeyNeverFromTheBody() {
		post("app-key", "{\"message\":\"m\",\"tenant\":\"someone-else\"}");

		assertThat(published().get(0).tenant()).isEqualTo("acme");
	}

	@Test
	void acceptsAnArrayInRequestOrderAndTakesTheServiceFromTheHeader() {
		MvcTestResult result = this.mvc.post()
			.uri("/api/v1/logs")
			.header("Authorization", "Bearer app-key")
			.header("X-Logpipe-Service", "billing")
			.contentType(MediaType.APPLICATION_JSON)
			.content("[{\"message\":\"one\"},{\"message\":\"two\",\"service\":{\"name\":\"cart\"}}]")
			.exchange();

		assertThat(result).hasStatus(HttpStatus.ACCEPTED);
		List<RawLogRecord> published = published();
		assertThat(published).extracting(RawLogRecord::message).containsExactly("one", "two");
		assertThat(published).extracting((record) -> record.source().service()).containsExactly("billing", "cart");
		assertThat(result).bodyJson()
			.extractingPath("$.ids")
			.asArray()
			.containsExactly(published.get(0).id(), published.get(1).id());
	}

	@Test
	void rejectsAMissingOrUnknownKeyWithTheSame401() {
		MvcTestResult missing = this.mvc.post()
			.uri("/api/v1/logs")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"message\":\"m\"}")
			.exchange();
		MvcTestResult unknown = post("wrong-key", "{\"message\":\"m\"}");

		for (MvcTestResult result : List.of(missing, unknown)) {
			assertThat(result).hasStatus(HttpStatus.UNAUTHORIZED)
				.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
				.hasHeader("WWW-Authenticate", "Bearer");
			assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:logpipe:problem:unauthenticated");
		}
		assertThat(missing.getResponse().getContentAsByteArray())
			.isEqualTo(unknown.getResponse().getContentAsByteArray());
		verify(this.publisher, never()).publish(anyList(), any());
	}

	@Test
	void rejectsMalformedJsonWith400Problem() {
		MvcTestResult result = post("app-key", "{\"message\": ");

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:logpipe:problem:malformed-body");
		assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("not valid JSON");
		verify(this.publisher, never()).publish(anyList(), any());
	}

	@Test
	void acceptsTheGoodEventsAndListsTheBadOnesByIndex() {
		MvcTestResult result = post("app-key",
				"[{\"message\":\"good\"},{\"level\":\"info\"},\"text\",{\"message\":\"also good\"}]");

		assertThat(result).hasStatus(HttpStatus.ACCEPTED);
		assertThat(result).bodyJson().extractingPath("$.accepted").isEqualTo(2);
		assertThat(result).bodyJson().extractingPath("$.rejected[0].index").isEqualTo(1);
		assertThat(result).bodyJson()
			.extractingPath("$.rejected[0].type")
			.isEqualTo("urn:logpipe:problem:invalid-event");
		assertThat(result).bodyJson().extractingPath("$.rejected[0].detail").asString().contains("'message'");
		assertThat(result).bodyJson().extractingPath("$.rejected[1].index").isEqualTo(2);
		assertThat(published()).extracting(RawLogRecord::message).containsExactly("good", "also good");
	}

	@Test
	void answers400ListingEveryEventWhenNoneIsValid() {
		MvcTestResult result = post("app-key", "[{\"msg\":\"typo\"},42]");

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:logpipe:problem:no-valid-events");
		assertThat(result).bodyJson().extractingPath("$.rejected").asArray().hasSize(2);
		verify(this.publisher, never()).publish(anyList(), any());
	}

	@Test
	void givesARetriedRequestWithTheSameIdempotencyKeyTheSameIds() {
		String body = "[{\"message\":\"one\"},{\"message\":\"two\"}]";
		MvcTestResult first = postWithIdempotencyKey(body, "order-42");
		MvcTestResult retry = postWithIdempotencyKey(body, "order-42");
		MvcTestResult other = postWithIdempotencyKey(body, "order-43");

		assertThat(first.getResponse().getContentAsByteArray()).isEqualTo(retry.getResponse().getContentAsByteArray());
		assertThat(other).bodyJson().extractingPath("$.ids[0]").isNotEqualTo(idAt(first));
	}

	@Test
	void forbidsACategoryTheKeyMayNotWrite() {
		MvcTestResult result = this.mvc.post()
			.uri("/api/v1/logs?category=security")
			.header("Authorization", "Bearer app-only-key")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"message\":\"m\"}")
			.exchange();

		assertThat(result).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:logpipe:problem:category-forbidden");
	}

	@Test
	void routesByTheCategoryField() {
		post("app-key", "{\"message\":\"failed login\",\"category\":\"security\"}");

		assertThat(published().get(0).category()).isEqualTo(Category.SECURITY);
	}

	@Test
	void answers503WithRetryAfterWhenKafkaDoesNotAcknowledge() {
		willThrow(new IngestException(ProblemType.KAFKA_UNAVAILABLE, "Kafka acknowledged 0 of 1")).given(this.publisher)
			.publish(anyList(), any());

		MvcTestResult result = post("app-key", "{\"message\":\"m\"}");

		assertThat(result).hasStatus(HttpStatus.SERVICE_UNAVAILABLE).hasHeader("Retry-After", "5");
		assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:logpipe:problem:kafka-unavailable");
		assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("acknowledged 0 of 1");
	}

	@Test
	void passesTheTraceContextOn() {
		this.mvc.post()
			.uri("/api/v1/logs")
			.header("Authorization", "Bearer app-key")
			.header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"message\":\"m\"}")
			.exchange();

		verify(this.publisher).publish(anyList(), eq("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));
	}

	@Test
	void answers413ToAGzipBombThatInflatesToAGibibyteWithoutHoldingIt() {
		byte[] bomb = Compression.gzipBomb(100);

		MvcTestResult result = this.mvc.post()
			.uri("/api/v1/logs")
			.header("Authorization", "Bearer app-key")
			.header("Content-Encoding", "gzip")
			.contentType(MediaType.APPLICATION_JSON)
			.content(bomb)
			.exchange();

		assertThat(bomb.length).isLessThan(2 * 1024 * 1024);
		assertThat(result).hasStatus(HttpStatus.CONTENT_TOO_LARGE).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:logpipe:problem:body-too-large");
		assertThat(result).bodyJson().extractingPath("$.limit").isEqualTo("ingest.limits.max-body-size");
		assertThat(result).bodyJson().extractingPath("$.limitValue").isEqualTo("10485760B");
		verify(this.publisher, never()).publish(anyList(), any());
	}

	private MvcTestResult post(String key, String body) {
		return this.mvc.post()
			.uri("/api/v1/logs")
			.header("Authorization", "Bearer " + key)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	private MvcTestResult postWithIdempotencyKey(String body, String idempotencyKey) {
		return this.mvc.post()
			.uri("/api/v1/logs")
			.header("Authorization", "Bearer app-key")
			.header("Idempotency-Key", idempotencyKey)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	private static String idAt(MvcTestResult result) {
		return new EventCodec().mapper().readTree(result.getResponse().getContentAsByteArray()).at("/ids/0").asString();
	}

	@SuppressWarnings("unchecked")
	private List<RawLogRecord> published() {
		ArgumentCaptor<List<RawLogRecord>> records = ArgumentCaptor.forClass(List.class);
		verify(this.publisher).publish(records.capture(), any());
		return records.getValue();
	}

}
