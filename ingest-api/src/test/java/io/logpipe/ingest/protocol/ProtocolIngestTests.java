package io.logpipe.ingest.protocol;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

import io.logpipe.common.event.Category;
import io.logpipe.common.event.RawLogRecord;
import io.logpipe.common.id.EventIds;
import io.logpipe.ingest.admission.AdmissionProperties;
import io.logpipe.ingest.admission.InFlightBytes;
import io.logpipe.ingest.admission.KeyRateLimiter;
import io.logpipe.service.auth.ApiKeyProperties;
import io.logpipe.ingest.auth.AuthenticatedClient;
import io.logpipe.ingest.body.IngestLimitsProperties;
import io.logpipe.ingest.body.RequestBodyReader;
import io.logpipe.ingest.event.CategoryRouter;
import io.logpipe.ingest.event.EventBatch;
import io.logpipe.ingest.event.RoutingProperties;
import io.logpipe.ingest.kafka.RawRecordPublisher;
import io.logpipe.ingest.metrics.IngestMetrics;
import io.logpipe.ingest.problem.ProblemType;
import io.logpipe.service.problem.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/** The seam every protocol goes through, without any protocol's format. */
class ProtocolIngestTests {

	private static final String KEY_SHA256 = ProtocolSlice.APP_KEY_SHA256;

	private static final AuthenticatedClient CLIENT = new AuthenticatedClient(KEY_SHA256, "acme",
			Set.of(Category.APP, Category.SECURITY));

	private final RawRecordPublisher publisher = mock(RawRecordPublisher.class);

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final ProtocolIngest ingest = ingest(null);

	@Test
	void mapsEventsToRecordsOfTheKeysTenantWithTheProtocolAndPublishesThem() {
		ProtocolOutcome outcome = this.ingest.ingest(Protocol.ELASTICSEARCH, CLIENT, request("body"),
				new MockHttpServletResponse(), RejectionPolicy.PER_ITEM,
				(body) -> List.of(event("order placed", "checkout"), event("Authentication failure", "sso")));

		List<RawLogRecord> records = published();
		assertThat(records).extracting(RawLogRecord::tenant).containsOnly("acme");
		assertThat(records).extracting(RawLogRecord::protocol).containsOnly("es-bulk");
		assertThat(records).extracting(RawLogRecord::receivedAt).containsOnly(ProtocolSlice.NOW);
		assertThat(records).extracting(RawLogRecord::category).containsExactly(Category.APP, Category.SECURITY);
		assertThat(records.getFirst().source().service()).isEqualTo("checkout");
		assertThat(records.getFirst().source().host()).isEqualTo("web-1");
		assertThat(records.getFirst().source().clientAddress()).isEqualTo("10.0.0.7");
		assertThat(records.getFirst().fields()).containsEntry("log.level", "info");
		assertThat(outcome.items()).extracting(ProtocolOutcome.Item::id)
			.containsExactlyElementsOf(records.stream().map(RawLogRecord::id).toList());
		assertThat(this.registry.get("logpipe.ingest.events.accepted").tag("protocol", "es-bulk").counter().count())
			.isEqualTo(2);
	}

	@Test
	void rejectsBadItemsOneByOneAndPublishesTheRestUnderThePerItemPolicy() {
		ProtocolOutcome outcome = this.ingest.ingest(Protocol.ELASTICSEARCH, CLIENT, request("body"),
				new MockHttpServletResponse(), RejectionPolicy.PER_ITEM,
				(body) -> List.of(ProtocolItem.invalid(ProblemType.INVALID_EVENT, "delete is not supported"),
						event("fine", "checkout"), withCategory(event("audit", "sso"), "system")));

		assertThat(outcome.items()).extracting(ProtocolOutcome.Item::accepted).containsExactly(false, true, false);
		assertThat(outcome.items().get(0).rejection().detail()).isEqualTo("delete is not supported");
		assertThat(outcome.items().get(2).rejection().reason()).isEqualTo("category-forbidden");
		assertThat(published()).extracting(RawLogRecord::message).containsExactly("fine");
		assertThat(this.registry.get("logpipe.ingest.events.rejected")
			.tag("protocol", "es-bulk")
			.tag("reason", "invalid-event")
			.counter()
			.count()).isEqualTo(1);
	}

	@Test
	void publishesNothingWhenAnyItemIsRejectedUnderTheWholeRequestPolicy() {
		assertThatExceptionOfType(ProblemException.class)
			.isThrownBy(() -> this.ingest.ingest(Protocol.SPLUNK_HEC, CLIENT, request("body"),
					new MockHttpServletResponse(), RejectionPolicy.WHOLE_REQUEST,
					(body) -> List.of(event("fine", "a"),
							new ProtocolEvent("x".repeat(2000), Map.of(), null, null, null, null, null, null, 2000))))
			.satisfies((ex) -> assertThat(EventBatch.rejectedOf(ex)).extracting((rejection) -> rejection.index())
				.containsExactly(1))
			.withMessageContaining("more than ingest.limits.max-event-size");
		verify(this.publisher, never()).publish(anyList(), any());
	}

	@Test
	void checksTheFieldCountAndDepthOfNestedFields() {
		Map<String, Object> deep = Map.of("a", Map.of("b", Map.of("c", Map.of("d", List.of(Map.of("e", 1))))));
		ProtocolOutcome outcome = this.ingest.ingest(Protocol.OTLP, CLIENT, request("body"),
				new MockHttpServletResponse(), RejectionPolicy.PER_ITEM,
				(body) -> List.of(new ProtocolEvent("m", deep, null, null, null, null, null, null, 1)));

		assertThat(outcome.items().getFirst().rejection().reason()).isEqualTo("event-too-complex");
	}

	@Test
	void failsTheWholeRequestOverTheEventLimitBeforePublishing() {
		assertThatExceptionOfType(ProblemException.class)
			.isThrownBy(() -> this.ingest.ingest(Protocol.ELASTICSEARCH, CLIENT, request("body"),
					new MockHttpServletResponse(), RejectionPolicy.PER_ITEM,
					(body) -> List.of(event("1", "a"), event("2", "a"), event("3", "a"), event("4", "a"))))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(ProblemType.TOO_MANY_EVENTS));
		verify(this.publisher, never()).publish(anyList(), any());
	}

	@Test
	void derivesIdsFromTheIdempotencyKeyElseFromTheIdSeedScopedByProtocol() {
		MockHttpServletRequest keyed = request("body");
		keyed.addHeader("Idempotency-Key", "batch-7");
		ProtocolOutcome byKey = this.ingest.ingest(Protocol.ELASTICSEARCH, CLIENT, keyed, new MockHttpServletResponse(),
				RejectionPolicy.PER_ITEM, (body) -> List.of(event("m", "a")));
		ProtocolOutcome bySeed = this.ingest.ingest(Protocol.ELASTICSEARCH, CLIENT, request("body"),
				new MockHttpServletResponse(), RejectionPolicy.PER_ITEM,
				(body) -> List.of(new ProtocolEvent("m", Map.of(), null, null, null, null, null, "logs-a-b/42", 1)));

		assertThat(byKey.items().getFirst().id()).isEqualTo(EventIds.derived("acme", "batch-7", 0));
		assertThat(bySeed.items().getFirst().id()).isEqualTo(EventIds.derived("acme", "es-bulk:logs-a-b/42", 0));
	}

	@Test
	void passesTheDecodedBodyToTheParserAndTheTraceparentToKafka() {
		MockHttpServletRequest request = request("ignored");
		request.setContent(gzip("decoded text"));
		request.addHeader("Content-Encoding", "gzip");
		request.addHeader("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
		StringBuilder seen = new StringBuilder();

		this.ingest.ingest(Protocol.GELF, CLIENT, request, new MockHttpServletResponse(), RejectionPolicy.PER_ITEM,
				(body) -> {
					seen.append(new String(body, StandardCharsets.UTF_8));
					return List.of(event("m", "a"));
				});

		assertThat(seen).hasToString("decoded text");
		verify(this.publisher).publish(anyList(),
				org.mockito.ArgumentMatchers.eq("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));
	}

	@Test
	void takesTheKeysRateLimitBeforeReadingAndPassesKafkaFailuresOn() {
		ProtocolIngest limited = ingest(new ApiKeyProperties.RateLimit(1, Duration.ofHours(1)));
		MockHttpServletResponse response = new MockHttpServletResponse();
		doThrow(new ProblemException(ProblemType.KAFKA_UNAVAILABLE, "down")).when(this.publisher)
			.publish(anyList(), any());

		assertThatExceptionOfType(ProblemException.class)
			.isThrownBy(() -> limited.ingest(Protocol.LOKI, CLIENT, request("body"), response, RejectionPolicy.PER_ITEM,
					(body) -> List.of(event("m", "a"))))
			.satisfies((ex) -> assertThat(RequestFailure.isTransient(ex.kind())).isTrue());
		assertThat(response.getHeader("RateLimit-Remaining")).isEqualTo("0");
		assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> limited.ingest(Protocol.LOKI, CLIENT,
				request("body"), new MockHttpServletResponse(), RejectionPolicy.PER_ITEM, (body) -> {
					throw new AssertionError("the body must not be read");
				}));
	}

	private ProtocolIngest ingest(ApiKeyProperties.RateLimit rateLimit) {
		ApiKeyProperties keys = new ApiKeyProperties(
				List.of(new ApiKeyProperties.Key(KEY_SHA256, "acme", null, rateLimit)));
		IngestLimitsProperties limits = new IngestLimitsProperties(DataSize.ofMegabytes(1), DataSize.ofKilobytes(1), 3,
				1000, 4);
		InFlightBytes inFlight = new InFlightBytes(
				new AdmissionProperties(DataSize.ofMegabytes(16), Duration.ofSeconds(1)));
		CategoryRouter router = new CategoryRouter(new RoutingProperties(
				List.of(new RoutingProperties.Rule(null, "(?i)authentication failure", Category.SECURITY)), 4096,
				100_000));
		return new ProtocolIngest(new KeyRateLimiter(keys), inFlight, new RequestBodyReader(limits), limits, router,
				this.publisher, new IngestMetrics(this.registry, inFlight),
				Clock.fixed(ProtocolSlice.NOW, ZoneOffset.UTC));
	}

	private static ProtocolEvent event(String message, String service) {
		return new ProtocolEvent(message, Map.of("log.level", "info"), service, "web-1", null, null, null, null,
				message.length());
	}

	private static ProtocolEvent withCategory(ProtocolEvent event, String category) {
		return new ProtocolEvent(event.message(), event.fields(), event.service(), event.host(), event.environment(),
				event.format(), category, event.idSeed(), event.size());
	}

	private static MockHttpServletRequest request(String body) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/test");
		request.setRemoteAddr("10.0.0.7");
		request.setContent(body.getBytes(StandardCharsets.UTF_8));
		return request;
	}

	@SuppressWarnings("unchecked")
	private List<RawLogRecord> published() {
		ArgumentCaptor<List<RawLogRecord>> records = ArgumentCaptor.forClass(List.class);
		verify(this.publisher).publish(records.capture(), any());
		return records.getValue();
	}

	private static byte[] gzip(String text) {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(out)) {
			gzip.write(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
