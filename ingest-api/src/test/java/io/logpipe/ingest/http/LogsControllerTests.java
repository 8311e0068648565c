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

import io.logpipe.common.codec.EventCodec;
import io.logpipe.common.event.Category;
import io.logpipe.common.event.RawLogRecord;
import io.logpipe.ingest.kafka.RawRecordPublisher;
import io.logpipe.ingest.problem.ProblemType;
import io.logpipe.service.problem.ProblemException;

import static io.logpipe.ingest.http.LogsRequests.post;
import static io.logpipe.ingest.http.LogsRequests.postEncoded;
import static io.logpipe.ingest.http.LogsRequests.postJson;
import static io.logpipe.ingest.http.LogsRequests.published;
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
		MvcTestResult result = postJson(this.mvc, "app-key",
				"{\"message\":\"hello\",\"level\":\"warn\",\"service\":\"checkout\"}");

		assertThat(result).hasStatus(HttpStatus.ACCEPTED);
		assertThat(result).bodyJson().extractingPath("$.accepted").isEqualTo(1);
		List<RawLogRecord> published = published(this.publisher);
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
		postJson(this.mvc, "app-key", "[{\"message\":\"a\",\"service\":\"checkout\",\"host\":\"web-1\"},"
				+ "{\"message\":\"b\",\"service\":{\"name\":\"cart\",\"environment\":\"prod\"},\"host.name\":\"web-2\"},"
				+ "{\"message\":\"c\",\"service.name\":\"billing\",\"environment\":\"staging\"}]");

		List<RawLogRecord> published = published(this.publisher);
		assertThat(published).extracting((record) -> record.source().service())
			.containsExactly("checkout", "cart", "billing");
		assertThat(published).extracting((record) -> record.source().host()).containsExactly("web-1", "web-2", null);
		assertThat(published).extracting((record) -> record.source().environment())
			.as("a plain service name says nothing of the environment")
			.containsExactly(null, "prod", "staging");
	}

	@Test
	void takesTheTenantFromTheKeyNeverFromTheBody() {
		postJson(this.mvc, "app-key", "{\"message\":\"m\",\"tenant\":\"someone-else\"}");

		assertThat(published(this.publisher).get(0).tenant()).isEqualTo("acme");
	}

	@Test
	void acceptsAnArrayInRequestOrderAndTakesTheServiceFromTheHeader() {
		MvcTestResult result = post(this.mvc, "app-key").header("X-Logpipe-Service", "billing")
			.contentType(MediaType.APPLICATION_JSON)
			.content("[{\"message\":\"one\"},{\"message\":\"two\",\"service\":{\"name\":\"cart\"}}]")
			.exchange();

		assertThat(result).hasStatus(HttpStatus.ACCEPTED);
		List<RawLogRecord> published = published(this.publisher);
		assertThat(published).extracting(RawLogRecord::message).containsExactly("one", "two");
		assertThat(published).extracting((record) -> record.source().service()).containsExactly("billing", "cart");
		assertThat(result).bodyJson()
			.extractingPath("$.ids")
			.asArray()
			.containsExactly(published.get(0).id(), published.get(1).id());
	}

	@Test
	void rejectsAMissingOrUnknownKeyWithTheSame401() {
		MvcTestResult missing = postJson(this.mvc, null, "{\"message\":\"m\"}");
		MvcTestResult unknown = postJson(this.mvc, "wrong-key", "{\"message\":\"m\"}");

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
		MvcTestResult result = postJson(this.mvc, "app-key", "{\"message\": ");

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:logpipe:problem:malformed-body");
		assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("not valid JSON");
		verify(this.publisher, never()).publish(anyList(), any());
	}

	@Test
	void acceptsTheGoodEventsAndListsTheBadOnesByIndex() {
		MvcTestResult result = postJson(this.mvc, "app-key",
				"[{\"message\":\"good\"},{\"level\":\"info\"},\"text\",{\"message\":\"also good\"}]");

		assertThat(result).hasStatus(HttpStatus.ACCEPTED);
		assertThat(result).bodyJson().extractingPath("$.accepted").isEqualTo(2);
		assertThat(result).bodyJson().extractingPath("$.rejected[0].index").isEqualTo(1);
		assertThat(result).bodyJson()
			.extractingPath("$.rejected[0].type")
			.isEqualTo("urn:logpipe:problem:invalid-event");
		assertThat(result).bodyJson().extractingPath("$.rejected[0].detail").asString().contains("'message'");
		assertThat(result).bodyJson().extractingPath("$.rejected[1].index").isEqualTo(2);
		assertThat(published(this.publisher)).extracting(RawLogRecord::message).containsExactly("good", "also good");
	}

	@Test
	void answers400ListingEveryEventWhenNoneIsValid() {
		MvcTestResult result = postJson(this.mvc, "app-key", "[{\"msg\":\"typo\"},42]");

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:logpipe:problem:no-valid-events");
		assertThat(result).bodyJson().extractingPath("$.rejected").asArray().hasSize(2);
		verify(this.publisher, never()).publish(anyList(), any());
	}

	@Test
	void givesARetriedRequestWithTheSameIdempotencyKeyTheSameIds() {
		String body = "[{\"message\":\"one\"},{\"message\":\"two\"}]";
		MvcTestResult first = idempotent(body, "order-42");
		MvcTestResult retry = idempotent(body, "order-42");
		MvcTestResult other = idempotent(body, "order-43");

		assertThat(first.getResponse().getContentAsByteArray()).isEqualTo(retry.getResponse().getContentAsByteArray());
		assertThat(other).bodyJson().extractingPath("$.ids[0]").isNotEqualTo(idAt(first));
	}

	@Test
	void forbidsACategoryTheKeyMayNotWrite() {
		MvcTestResult result = post(this.mvc, "app-only-key", "/api/v1/logs?category=security")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"message\":\"m\"}")
			.exchange();

		assertThat(result).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:logpipe:problem:category-forbidden");
	}

	@Test
	void routesByTheCategoryField() {
		postJson(this.mvc, "app-key", "{\"message\":\"failed login\",\"category\":\"security\"}");

		assertThat(published(this.publisher).get(0).category()).isEqualTo(Category.SECURITY);
	}

	@Test
	void answers503WithRetryAfterWhenKafkaDoesNotAcknowledge() {
		// The real publisher's Retry-After (ingest.kafka.retry-after) is pinned by
		// BrokerDownIT.
		willThrow(new ProblemException(ProblemType.KAFKA_UNAVAILABLE, "Kafka acknowledged 0 of 1").withRetryAfter(5))
			.given(this.publisher)
			.publish(anyList(), any());

		MvcTestResult result = postJson(this.mvc, "app-key", "{\"message\":\"m\"}");

		assertThat(result).hasStatus(HttpStatus.SERVICE_UNAVAILABLE).hasHeader("Retry-After", "5");
		assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:logpipe:problem:kafka-unavailable");
		assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("acknowledged 0 of 1");
	}

	@Test
	void passesTheTraceContextOn() {
		post(this.mvc, "app-key").header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"message\":\"m\"}")
			.exchange();

		verify(this.publisher).publish(anyList(), eq("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));
	}

	@Test
	void answers413ToAGzipBombThatInflatesToAGibibyteWithoutHoldingIt() {
		byte[] bomb = Compression.gzipBomb(100);

		MvcTestResult result = postEncoded(this.mvc, "app-key", "gzip", bomb);

		assertThat(bomb.length).isLessThan(2 * 1024 * 1024);
		assertThat(result).hasStatus(HttpStatus.CONTENT_TOO_LARGE).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:logpipe:problem:body-too-large");
		assertThat(result).bodyJson().extractingPath("$.limit").isEqualTo("ingest.limits.max-body-size");
		assertThat(result).bodyJson().extractingPath("$.limitValue").isEqualTo("10485760B");
		verify(this.publisher, never()).publish(anyList(), any());
	}

	private MvcTestResult idempotent(String body, String idempotencyKey) {
		return post(this.mvc, "app-key").header("Idempotency-Key", idempotencyKey)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	private static String idAt(MvcTestResult result) {
		return new EventCodec().mapper().readTree(result.getResponse().getContentAsByteArray()).at("/ids/0").asString();
	}

}
