package io.logpipe.ingest.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
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

import io.logpipe.common.event.Category;
import io.logpipe.common.event.RawLogRecord;
import io.logpipe.ingest.kafka.RawRecordPublisher;

import static io.logpipe.ingest.http.LogsRequests.post;
import static io.logpipe.ingest.http.LogsRequests.postEncoded;
import static io.logpipe.ingest.http.LogsRequests.published;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * Every body format and {@code Content-Encoding} of {@code POST /api/v1/logs}, and the
 * limits, set small here so that small bodies reach them.
 */
@WebMvcTest(LogsController.class)
@Import(IngestSlice.class)
@TestPropertySource(properties = { "logpipe.auth.keys[0].sha256=" + IngestSlice.APP_KEY_SHA256,
		"logpipe.auth.keys[0].tenant=acme", "ingest.limits.max-body-size=4KB", "ingest.limits.max-event-size=200B",
		"ingest.limits.max-events=5", "ingest.limits.max-fields-per-event=6", "ingest.limits.max-depth=3",
		"spring.mvc.problemdetails.enabled=true" })
class BodyFormatsTests {

	private static final MediaType NDJSON = MediaType.APPLICATION_NDJSON;

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private RawRecordPublisher publisher;

	@Test
	void acceptsNdjsonOneEventPerLineSkippingBlankLines() {
		MvcTestResult result = post(this.mvc, "app-key", NDJSON,
				"{\"message\":\"one\"}\r\n\n{\"message\":\"two\",\"level\":\"warn\"}\n");

		assertThat(result).hasStatus(HttpStatus.ACCEPTED);
		assertThat(result).bodyJson().extractingPath("$.accepted").isEqualTo(2);
		assertThat(published(this.publisher)).extracting(RawLogRecord::message).containsExactly("one", "two");
	}

	@Test
	void rejectsABadNdjsonLineByIndexAndKeepsTheGoodOnes() {
		MvcTestResult result = post(this.mvc, "app-key", NDJSON,
				"{\"message\":\"one\"}\n{\"message\": oops\n{\"message\":\"three\"}");

		assertThat(result).hasStatus(HttpStatus.ACCEPTED);
		assertThat(result).bodyJson().extractingPath("$.accepted").isEqualTo(2);
		assertThat(result).bodyJson().extractingPath("$.rejected[0].index").isEqualTo(1);
		assertThat(result).bodyJson()
			.extractingPath("$.rejected[0].type")
			.isEqualTo("urn:logpipe:problem:invalid-event");
		assertThat(result).bodyJson().extractingPath("$.rejected[0].detail").asString().contains("not valid JSON");
		assertThat(published(this.publisher)).extracting(RawLogRecord::message).containsExactly("one", "three");
	}

	@Test
	void takesEachTextLineAsAMessageWithServiceHostAndFormatFromTheQuery() {
		MvcTestResult result = post(this.mvc, "app-key",
				"/api/v1/logs?service=nginx&host=web-1&format=nginx-access&category=system")
			.contentType(MediaType.TEXT_PLAIN)
			.content("GET / 200\nGET /missing 404\n")
			.exchange();

		assertThat(result).hasStatus(HttpStatus.ACCEPTED);
		List<RawLogRecord> published = published(this.publisher);
		assertThat(published).extracting(RawLogRecord::message).containsExactly("GET / 200", "GET /missing 404");
		RawLogRecord first = published.get(0);
		assertThat(first.source().service()).isEqualTo("nginx");
		assertThat(first.source().host()).isEqualTo("web-1");
		assertThat(first.format()).isEqualTo("nginx-access");
		assertThat(first.category()).isEqualTo(Category.SYSTEM);
		assertThat(first.fields()).isEmpty();
	}

	@Test
	void takesTextLineDefaultsFromXLogpipeHeaders() {
		post(this.mvc, "app-key").header("X-Logpipe-Service", "sshd")
			.header("X-Logpipe-Host", "bastion")
			.header("X-Logpipe-Format", "syslog")
			.header("X-Logpipe-Category", "security")
			.contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
			.content("Accepted publickey for root")
			.exchange();

		RawLogRecord record = published(this.publisher).get(0);
		assertThat(record.source().service()).isEqualTo("sshd");
		assertThat(record.source().host()).isEqualTo("bastion");
		assertThat(record.format()).isEqualTo("syslog");
		assertThat(record.category()).isEqualTo(Category.SECURITY);
	}

	@Test
	void decodesGzipDeflateZstdAndSnappyBodies() {
		byte[] body = "[{\"message\":\"compressed\"}]".getBytes(StandardCharsets.UTF_8);

		assertThat(postEncoded(this.mvc, "app-key", "gzip", Compression.gzip(body))).hasStatus(HttpStatus.ACCEPTED);
		assertThat(postEncoded(this.mvc, "app-key", "deflate", Compression.zlib(body))).hasStatus(HttpStatus.ACCEPTED);
		assertThat(postEncoded(this.mvc, "app-key", "deflate", Compression.rawDeflate(body)))
			.hasStatus(HttpStatus.ACCEPTED);
		assertThat(postEncoded(this.mvc, "app-key", "zstd", Compression.zstd(body))).hasStatus(HttpStatus.ACCEPTED);
		assertThat(postEncoded(this.mvc, "app-key", "snappy", Compression.snappy(body))).hasStatus(HttpStatus.ACCEPTED);
	}

	@Test
	void rejectsAnUnknownContentEncodingWith415() {
		MvcTestResult result = postEncoded(this.mvc, "app-key", "br", new byte[] { 1, 2, 3 });

		assertThat(result).hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:logpipe:problem:unsupported-encoding");
	}

	@Test
	void rejectsABodyThatIsNotWhatItsEncodingSaysWith400() {
		MvcTestResult result = postEncoded(this.mvc, "app-key", "gzip",
				"{\"message\":\"plain\"}".getBytes(StandardCharsets.UTF_8));

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:logpipe:problem:malformed-body");
	}

	@Test
	void rejectsABodyOverTheSizeLimitWith413NamingTheLimit() {
		MvcTestResult result = post(this.mvc, "app-key", MediaType.TEXT_PLAIN, "x".repeat(5000));

		assertThat(result).hasStatus(HttpStatus.CONTENT_TOO_LARGE).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:logpipe:problem:body-too-large");
		assertThat(result).bodyJson().extractingPath("$.limit").isEqualTo("ingest.limits.max-body-size");
		assertThat(result).bodyJson().extractingPath("$.limitValue").isEqualTo("4096B");
		verify(this.publisher, never()).publish(anyList(), any());
	}

	@Test
	void rejectsACompressedBodyThatDecodesOverTheLimitWith413() {
		byte[] zeros = new byte[1024 * 1024];

		for (String encoding : List.of("gzip", "deflate", "zstd", "snappy")) {
			byte[] body = switch (encoding) {
				case "gzip" -> Compression.gzip(zeros);
				case "deflate" -> Compression.zlib(zeros);
				case "zstd" -> Compression.zstd(zeros);
				default -> Compression.snappy(zeros);
			};
			assertThat(body.length).as(encoding).isLessThan(4096 * 16);
			MvcTestResult result = postEncoded(this.mvc, "app-key", encoding, body);
			assertThat(result).as(encoding).hasStatus(HttpStatus.CONTENT_TOO_LARGE);
			assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:logpipe:problem:body-too-large");
		}
	}

	@Test
	void rejectsMoreEventsThanTheLimitWith413() {
		MvcTestResult result = post(this.mvc, "app-key", NDJSON, "{\"message\":\"m\"}\n".repeat(6));

		assertThat(result).hasStatus(HttpStatus.CONTENT_TOO_LARGE);
		assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:logpipe:problem:too-many-events");
		assertThat(result).bodyJson().extractingPath("$.limit").isEqualTo("ingest.limits.max-events");
		assertThat(result).bodyJson().extractingPath("$.limitValue").isEqualTo("5");
		verify(this.publisher, never()).publish(anyList(), any());
	}

	@Test
	void rejectsAnEventOverTheSizeLimitByIndex() {
		String big = "{\"message\":\"" + "x".repeat(250) + "\"}";
		MvcTestResult result = post(this.mvc, "app-key", MediaType.APPLICATION_JSON,
				"[{\"message\":\"small\"}," + big + "]");

		assertThat(result).hasStatus(HttpStatus.ACCEPTED);
		assertThat(result).bodyJson().extractingPath("$.rejected[0].index").isEqualTo(1);
		assertThat(result).bodyJson()
			.extractingPath("$.rejected[0].type")
			.isEqualTo("urn:logpipe:problem:event-too-large");
		assertThat(result).bodyJson()
			.extractingPath("$.rejected[0].detail")
			.asString()
			.contains("ingest.limits.max-event-size (200B)");
	}

	@Test
	void rejectsATextLineOverTheSizeLimitByIndex() {
		MvcTestResult result = post(this.mvc, "app-key", MediaType.TEXT_PLAIN,
				"short\n" + "x".repeat(250) + "\nshort too");

		assertThat(result).hasStatus(HttpStatus.ACCEPTED);
		assertThat(result).bodyJson().extractingPath("$.accepted").isEqualTo(2);
		assertThat(result).bodyJson().extractingPath("$.rejected[0].index").isEqualTo(1);
		assertThat(result).bodyJson()
			.extractingPath("$.rejected[0].type")
			.isEqualTo("urn:logpipe:problem:event-too-large");
	}

	@Test
	void rejectsATextLineThatIsNotUtf8ByIndex() {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes("good\nbad ".getBytes(StandardCharsets.UTF_8));
		body.writeBytes(new byte[] { (byte) 0xff, (byte) 0xfe, (byte) 0xc3, 0x28 });
		body.writeBytes("\n\ufffd sent as it is".getBytes(StandardCharsets.UTF_8));
		MvcTestResult result = post(this.mvc, "app-key").contentType(MediaType.TEXT_PLAIN)
			.content(body.toByteArray())
			.exchange();

		assertThat(result).hasStatus(HttpStatus.ACCEPTED);
		assertThat(result).bodyJson().extractingPath("$.accepted").isEqualTo(2);
		assertThat(result).bodyJson().extractingPath("$.rejected[0].index").isEqualTo(1);
		assertThat(result).bodyJson().extractingPath("$.rejected[0].detail").isEqualTo("the line is not valid UTF-8");
	}

	@Test
	void rejectsEventsWithTooManyFieldsOrTooDeepNestingByIndex() {
		MvcTestResult result = post(this.mvc, "app-key", MediaType.APPLICATION_JSON,
				"[{\"message\":\"m\",\"a\":1,\"b\":2,\"c\":3,\"d\":4,\"e\":5,\"f\":6},"
						+ "{\"message\":\"m\",\"a\":{\"b\":{\"c\":{}}}},{\"message\":\"fine\",\"a\":{\"b\":{}}}]");

		assertThat(result).hasStatus(HttpStatus.ACCEPTED);
		assertThat(result).bodyJson().extractingPath("$.accepted").isEqualTo(1);
		assertThat(result).bodyJson()
			.extractingPath("$.rejected[0].type")
			.isEqualTo("urn:logpipe:problem:event-too-complex");
		assertThat(result).bodyJson()
			.extractingPath("$.rejected[0].detail")
			.asString()
			.contains("ingest.limits.max-fields-per-event (6)");
		assertThat(result).bodyJson().extractingPath("$.rejected[1].index").isEqualTo(1);
		assertThat(result).bodyJson()
			.extractingPath("$.rejected[1].detail")
			.asString()
			.contains("ingest.limits.max-depth (3)");
	}

	@Test
	void answers415ToAnUnknownContentType() {
		MvcTestResult result = post(this.mvc, "app-key", MediaType.APPLICATION_XML, "<log/>");

		assertThat(result).hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
	}

}
