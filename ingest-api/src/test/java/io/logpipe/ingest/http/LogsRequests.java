package io.logpipe.ingest.http;

import java.util.List;

import org.mockito.ArgumentCaptor;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import io.logpipe.common.event.RawLogRecord;
import io.logpipe.ingest.kafka.RawRecordPublisher;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;

/**
 * The requests of the ingest slice tests, built one way: {@code POST} to an ingest
 * endpoint with an API key, and what the mocked publisher was handed.
 */
final class LogsRequests {

	static final String LOGS = "/api/v1/logs";

	private LogsRequests() {
	}

	/**
	 * {@code POST /api/v1/logs} with {@code Authorization: Bearer <key>}; the caller adds
	 * the content type, the body and any other header.
	 */
	static MockMvcTester.MockMvcRequestBuilder post(MockMvcTester mvc, String key) {
		return post(mvc, key, LOGS);
	}

	/**
	 * {@code POST} to {@code uri} (path and query) with {@code Authorization: Bearer
	 * <key>}, or with no {@code Authorization} when the key is {@code null}.
	 */
	static MockMvcTester.MockMvcRequestBuilder post(MockMvcTester mvc, String key, String uri) {
		MockMvcTester.MockMvcRequestBuilder request = mvc.post().uri(uri);
		return (key != null) ? request.header(HttpHeaders.AUTHORIZATION, "Bearer " + key) : request;
	}

	/**
	 * {@code POST /api/v1/logs} of a JSON body with {@code key}, or with no key when
	 * {@code null}.
	 */
	static MvcTestResult postJson(MockMvcTester mvc, String key, String body) {
		return post(mvc, key, MediaType.APPLICATION_JSON, body);
	}

	/** {@code POST /api/v1/logs} of a body of {@code type} with {@code key}. */
	static MvcTestResult post(MockMvcTester mvc, String key, MediaType type, String body) {
		return post(mvc, key).contentType(type).content(body).exchange();
	}

	/** {@code POST /api/v1/logs} of a JSON body sent with {@code Content-Encoding}. */
	static MvcTestResult postEncoded(MockMvcTester mvc, String key, String encoding, byte[] body) {
		return post(mvc, key).header(HttpHeaders.CONTENT_ENCODING, encoding)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	/** The records of the one request the mocked publisher was handed. */
	@SuppressWarnings("unchecked")
	static List<RawLogRecord> published(RawRecordPublisher publisher) {
		ArgumentCaptor<List<RawLogRecord>> records = ArgumentCaptor.forClass(List.class);
		verify(publisher).publish(records.capture(), any());
		return records.getValue();
	}

}
