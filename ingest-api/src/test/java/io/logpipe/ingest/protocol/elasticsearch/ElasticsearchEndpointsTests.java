package io.logpipe.ingest.protocol.elasticsearch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
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
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * The Elasticsearch endpoints as shippers call them: the answers' exact shape and
 * headers, the probes, and the whole-request failures. (The official Java client and
 * rsyslog drive them for real in {@code ElasticsearchClientIT} and {@code RsyslogIT}.)
 */
@WebMvcTest({ BulkController.class, ProbesController.class })
@Import(ProtocolSlice.class)
@EnableConfigurationProperties(ElasticsearchProperties.class)
@TestPropertySource(properties = { "logpipe.auth.keys[0].sha256=" + ProtocolSlice.APP_KEY_SHA256,
		"logpipe.auth.keys[0].tenant=acme", "ingest.kafka.retry-after=7s", "ingest.limits.max-events=5",
		"ingest.protocols.elasticsearch.version=8.18.2", "spring.mvc.problemdetails.enabled=true" })
class ElasticsearchEndpointsTests {

	private static final String API_KEY = "ApiKey "
			+ Base64.getEncoder().encodeToString("filebeat-id:app-key".getBytes(StandardCharsets.UTF_8));

	private static final String FILEBEAT_BULK = """
			{"create":{"_index":"logs-checkout-prod"}}
			{"@timestamp":"2026-11-21T09:59:58.123Z","message":"order placed","log":{"level":"info"},"host":{"name":"web-1"},"agent":{"type":"filebeat"}}
			{"create":{"_index":"logs-checkout-prod"}}
			{"@timestamp":"2026-11-21T09:59:59.000Z","message":"order paid"}
			""";

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private MeterRegistry registry;

	@MockitoBean
	private RawRecordPublisher publisher;

	@Test
	void answersABulkInElasticsearchsShapeOnceKafkaAcknowledged() {
		double acceptedBefore = count("logpipe.ingest.events.accepted", "protocol", "es-bulk");
		MvcTestResult result = this.mvc.post()
			.uri("/_bulk?filter_path=errors,items.*.error,items.*.status")
			.header("Authorization", API_KEY)
			.header("Content-Type", "application/json; charset=UTF-8")
			.header("Content-Encoding", "gzip")
			.content(gzip(FILEBEAT_BULK))
			.exchange();

		assertThat(result).hasStatusOk().hasHeader("X-Elastic-Product", "Elasticsearch");
		assertThat(result.getResponse().getContentType()).startsWith("application/json");
		String body = body(result);
		// Fluent Bit's fallback matches this literal; Vector greps for "errors":true.
		assertThat(body).startsWith("{\"took\":").contains("\"errors\":false,\"items\":[");
		assertThat(result).bodyJson().extractingPath("$.items[*].create.status").asArray().containsExactly(201, 201);
		assertThat(result).bodyJson().extractingPath("$.items[0].create._index").isEqualTo("logs-checkout-prod");
		List<RawLogRecord> records = published();
		assertThat(records).extracting(RawLogRecord::protocol).containsOnly("es-bulk");
		assertThat(records).extracting(RawLogRecord::tenant).containsOnly("acme");
		assertThat(records).extracting(RawLogRecord::message).containsExactly("order placed", "order paid");
		assertThat(records.getFirst().source().service()).isEqualTo("checkout");
		assertThat(records.getFirst().source().environment()).isEqualTo("prod");
		assertThat(records.getFirst().source().host()).isEqualTo("web-1");
		assertThat(records.getFirst().fields()).containsEntry("@timestamp", "2026-11-21T09:59:58.123Z")
			.containsKeys("log", "agent");
		assertThat(result).bodyJson().extractingPath("$.items[0].create._id").isEqualTo(records.getFirst().id());
		assertThat(count("logpipe.ingest.events.accepted", "protocol", "es-bulk")).isEqualTo(acceptedBefore + 2);
	}

	@Test
	void acceptsEveryContentTypeTheClientsSendAndNone() {
		for (String contentType : new String[] { "application/x-ndjson",
				"application/vnd.elasticsearch+x-ndjson; compatible-with=9",
				"application/vnd.elasticsearch+json; compatible-with=8", "application/x-www-form-urlencoded" }) {
			assertThat(this.mvc.post()
				.uri("/logs-cart-default/_bulk")
				.header("Authorization", "Basic " + base64("elastic:app-key"))
				.header("Content-Type", contentType)
				.content("{\"index\":{}}\n{\"message\":\"m\"}\n")
				.exchange()).as(contentType).hasStatusOk();
		}
		// curl -X PUT -d sends a form content type; no filter may read it as parameters.
		assertThat(this.mvc.put()
			.uri("/_bulk")
			.header("Authorization", "Bearer app-key")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.content("{\"create\":{\"_index\":\"x\"}}\n{\"message\":\"m\"}")
			.exchange()).hasStatusOk();
	}

	@Test
	void answersPermanentlyBadDocumentsItemByItemInOrder() {
		MvcTestResult result = bulk("""
				{"create":{"_index":"app","_id":"a1"}}
				{"message":"fine"}
				{"create":{"_index":"app","_id":"a2"}}
				{"message": oops}
				{"delete":{"_index":"app","_id":"a3"}}
				{"index":{"_index":"app"}}
				{"message":"fine too"}
				""");

		assertThat(result).hasStatusOk();
		assertThat(body(result)).contains("\"errors\":true");
		assertThat(result).bodyJson().extractingPath("$.items[0].create.status").isEqualTo(201);
		assertThat(result).bodyJson().extractingPath("$.items[0].create._id").isEqualTo("a1");
		assertThat(result).bodyJson().extractingPath("$.items[1].create.status").isEqualTo(400);
		assertThat(result).bodyJson()
			.extractingPath("$.items[1].create.error.type")
			.isEqualTo("document_parsing_exception");
		assertThat(result).bodyJson().extractingPath("$.items[2].delete.status").isEqualTo(400);
		assertThat(result).bodyJson().extractingPath("$.items[3].index.status").isEqualTo(201);
		assertThat(published()).extracting(RawLogRecord::message).containsExactly("fine", "fine too");
	}

	@Test
	void failsACutBodyAsAWholeAndPublishesNothing() {
		MvcTestResult truncated = bulk(
				"{\"create\":{\"_index\":\"app\"}}\n{\"message\":\"a\"}\n{\"create\":{\"_index\":\"app\"}}\n");
		MvcTestResult cutSource = bulk(
				"{\"create\":{\"_index\":\"app\"}}\n{\"message\":\"a\"}\n{\"create\":{\"_index\":\"app\"}}\n{\"mes");

		assertThat(truncated).hasStatus(400).hasHeader("X-Elastic-Product", "Elasticsearch");
		assertThat(truncated).bodyJson().extractingPath("$.status").isEqualTo(400);
		assertThat(truncated).bodyJson().extractingPath("$.error.type").isEqualTo("parse_exception");
		assertThat(truncated).bodyJson()
			.extractingPath("$.error.reason")
			.asString()
			.contains("line 3 has no source line");
		assertThat(cutSource).hasStatus(400);
		assertThat(cutSource).bodyJson().extractingPath("$.error.reason").asString().contains("cut short");
		verify(this.publisher, never()).publish(anyList(), any());
	}

	@Test
	void failsTheWholeRequestWith503AndRetryAfterWhileKafkaDoesNotAcknowledge() {
		// As RawRecordPublisher throws it.
		doThrow(new ProblemException(ProblemType.KAFKA_UNAVAILABLE, "Kafka acknowledged 0 of 2").withRetryAfter(7))
			.when(this.publisher)
			.publish(anyList(), any());

		MvcTestResult result = bulk(FILEBEAT_BULK);

		assertThat(result).hasStatus(503).hasHeader("Retry-After", "7").hasHeader("X-Elastic-Product", "Elasticsearch");
		assertThat(result).bodyJson().extractingPath("$.error.type").isEqualTo("unavailable_shards_exception");
		assertThat(body(result)).doesNotContain("items");
	}

	@Test
	void failsTheWholeRequestWith413OverTheEventLimitSoThatFilebeatSplitsIt() {
		MvcTestResult result = bulk("{\"create\":{\"_index\":\"a\"}}\n{\"message\":\"m\"}\n".repeat(6));

		assertThat(result).hasStatus(413);
		assertThat(result).bodyJson().extractingPath("$.error.reason").asString().contains("more than 5");
		verify(this.publisher, never()).publish(anyList(), any());
	}

	@Test
	void refusesAMissingOrUnknownKeyInElasticsearchsShape() {
		double before = count("logpipe.ingest.requests", "outcome", "unauthenticated");
		MvcTestResult missing = this.mvc.post().uri("/_bulk").content("{\"create\":{}}\n{}\n").exchange();
		MvcTestResult unknown = this.mvc.get().uri("/").header("Authorization", "ApiKey nope").exchange();

		assertThat(missing).hasStatus(401).hasHeader("X-Elastic-Product", "Elasticsearch");
		assertThat(missing).bodyJson().extractingPath("$.error.type").isEqualTo("security_exception");
		assertThat(missing.getResponse().getHeaders("WWW-Authenticate")).contains("ApiKey");
		assertThat(unknown).hasStatus(401);
		assertThat(count("logpipe.ingest.requests", "outcome", "unauthenticated")).isEqualTo(before + 2);
	}

	@Test
	void indexesASingleDocumentAsRsyslogsDefaultModeSends() {
		MvcTestResult result = this.mvc.post()
			.uri("/syslog/_doc")
			.header("Authorization", API_KEY)
			.header("Content-Type", "application/json; charset=utf-8")
			.content("{\"message\":\"sshd started\",\"host\":\"db-1\"}")
			.exchange();
		MvcTestResult bad = this.mvc.post()
			.uri("/syslog/_doc")
			.header("Authorization", API_KEY)
			.content("{\"message\":")
			.exchange();

		assertThat(result).hasStatus(201);
		// rsyslog takes a top-level "status" for a failure.
		assertThat(result).bodyJson().doesNotHavePath("$.status");
		assertThat(result).bodyJson().extractingPath("$.result").isEqualTo("created");
		assertThat(published().getFirst().source().service()).isEqualTo("syslog");
		assertThat(published().getFirst().source().host()).isEqualTo("db-1");
		assertThat(bad).hasStatus(400);
		assertThat(bad).bodyJson().extractingPath("$.status").isEqualTo(400);
	}

	@Test
	void answersTheProbesThatShippersMakeBeforeTheySend() {
		MvcTestResult info = get("/");
		assertThat(info).hasStatusOk().hasHeader("X-Elastic-Product", "Elasticsearch");
		assertThat(info).bodyJson().extractingPath("$.version.number").isEqualTo("8.18.2");
		assertThat(info).bodyJson().extractingPath("$.version.build_flavor").isEqualTo("default");
		assertThat(info).bodyJson().extractingPath("$.tagline").isEqualTo("You Know, for Search");
		assertThat(this.mvc.head().uri("/").header("Authorization", API_KEY).exchange()).hasStatusOk();

		MvcTestResult license = get("/_license?human=false");
		assertThat(license).bodyJson().extractingPath("$.license.status").isEqualTo("active");
		assertThat(license).bodyJson().extractingPath("$.license.type").isEqualTo("basic");

		assertThat(this.mvc.head().uri("/_index_template/filebeat-9.1.0").header("Authorization", API_KEY).exchange())
			.hasStatus(404);
		assertThat(get("/_ilm/policy/filebeat")).hasStatus(404);
		assertThat(get("/_data_stream/filebeat-9.1.0")).hasStatus(404);
		for (String path : List.of("/_index_template/filebeat-9.1.0", "/_ilm/policy/filebeat",
				"/_data_stream/filebeat-9.1.0", "/%3Clogstash-%7Bnow%2Fd%7D-000001%3E")) {
			MvcTestResult put = this.mvc.put()
				.uri(path)
				.header("Authorization", API_KEY)
				.header("Content-Type", "application/json")
				.content("{\"index_patterns\":[\"x\"]}")
				.exchange();
			assertThat(put).as(path).hasStatusOk();
			assertThat(put).bodyJson().extractingPath("$.acknowledged").isEqualTo(true);
		}
		assertThat(this.mvc.head().uri("/logstash").header("Authorization", API_KEY).exchange()).hasStatusOk();
		assertThat(get("/_cluster/health")).bodyJson().extractingPath("$.status").isEqualTo("green");
		assertThat(body(get("/_cat/health"))).contains(" logpipe green ");
	}

	/** A counter of the es-bulk protocol, 0 before it exists. */
	private double count(String name, String tag, String value) {
		return this.registry.find(name)
			.tag("protocol", "es-bulk")
			.tag(tag, value)
			.counters()
			.stream()
			.mapToDouble((counter) -> counter.count())
			.sum();
	}

	private MvcTestResult get(String uri) {
		return this.mvc.get().uri(uri).header("Authorization", API_KEY).exchange();
	}

	private MvcTestResult bulk(String body) {
		return this.mvc.post()
			.uri("/_bulk")
			.header("Authorization", API_KEY)
			.header("Content-Type", "application/x-ndjson")
			.content(body)
			.exchange();
	}

	private static String body(MvcTestResult result) {
		try {
			return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@SuppressWarnings("unchecked")
	private List<RawLogRecord> published() {
		ArgumentCaptor<List<RawLogRecord>> records = ArgumentCaptor.forClass(List.class);
		verify(this.publisher, org.mockito.Mockito.atLeastOnce()).publish(records.capture(), any());
		return records.getAllValues().stream().flatMap(List::stream).toList();
	}

	private static String base64(String text) {
		return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	private static byte[] gzip(String text) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
