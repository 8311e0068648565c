package io.logpipe.ingest.protocol.loki;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import ch.qos.logback.classic.Logger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import io.logpipe.common.event.RawLogRecord;
import io.logpipe.ingest.protocol.ShipperClientTest;
import io.logpipe.ingest.protocol.ShipperIT;
import io.logpipe.ingest.protocol.ShipperKeys;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * loki4j's logback appender, JSON and snappy protobuf, against ingest-api on the real
 * broker: the entries on the raw topic, and what the appender reports for success, a
 * rejected entry and a 429.
 */
@ShipperIT
class Loki4jAppenderIT extends ShipperClientTest {

	@ParameterizedTest(name = "protobuf: {0}")
	@ValueSource(booleans = { false, true })
	void pushesEntriesWithLabelsAndStructuredMetadataOntoTheRawTopic(boolean protobuf) {
		String service = "loki-" + protobuf + "-" + UUID.randomUUID();

		List<String> problems = push(service, ShipperKeys.APP, protobuf, (logger) -> {
			MDC.put("trace_id", "5b8efff798038103d269b633813fc60c");
			try {
				logger.warn("payment declined");
			}
			finally {
				MDC.remove("trace_id");
			}
		});

		assertThat(problems).isEmpty();
		RawLogRecord record = records(service, 1).getFirst();
		assertThat(record.protocol()).isEqualTo("loki");
		assertThat(record.tenant()).isEqualTo(ShipperKeys.TENANT);
		assertThat(record.message()).isEqualTo("payment declined");
		assertThat(record.fields()).containsEntry("log.level", "WARN")
			.containsEntry("trace_id", "5b8efff798038103d269b633813fc60c")
			.containsEntry("labels", java.util.Map.of("region", "eu"))
			.containsKey("@timestamp");
	}

	@Test
	void reportsTheRejectedEntryOfABatchAndKeepsTheOthers() {
		String service = "loki-rejected-" + UUID.randomUUID();

		List<String> problems = push(service, ShipperKeys.APP, false, (logger) -> {
			logger.info("x".repeat(70_000));
			logger.info("the good one");
		});

		assertThat(problems).anySatisfy((problem) -> assertThat(problem).contains("non-success status 400")
			.contains("ingest.limits.max-event-size"));
		assertThat(records(service, 1)).extracting(RawLogRecord::message).containsExactly("the good one");
	}

	@Test
	void reportsA429WhenTheKeysRateLimitIsUsedUp() {
		String service = "loki-limited-" + UUID.randomUUID();

		List<String> first = push(service, ShipperKeys.LOKI_LIMITED, true, (logger) -> logger.info("first"));
		List<String> second = push(service, ShipperKeys.LOKI_LIMITED, true, (logger) -> logger.info("second"));

		assertThat(first).isEmpty();
		assertThat(second).anySatisfy((problem) -> assertThat(problem).contains("non-success status 429"));
		assertThat(records(service, 1)).extracting(RawLogRecord::message).containsExactly("first");
	}

	@Test
	void answersTheFramedSnappyFormatWith400() throws Exception {
		byte[] framed = { (byte) 0xff, 0x06, 0x00, 0x00, 's', 'N', 'a', 'P', 'p', 'Y' };

		HttpResponse<String> response = post("application/x-protobuf", framed);

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("snappy (block format)");
	}

	@Test
	void answersJsonThatIsNotAPushWith400() throws Exception {
		HttpResponse<String> response = post("application/json",
				"{\"streams\":[{\"stream\":{},\"values\":[[\"yesterday\",\"x\"]]}]}".getBytes());

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("unix nanoseconds as a string");
	}

	private List<String> push(String service, String key, boolean protobuf, Consumer<Logger> logging) {
		return Loki4jClient.push(this.port, service, key, protobuf, logging);
	}

	private HttpResponse<String> post(String contentType, byte[] body) throws IOException, InterruptedException {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + LokiController.PATH))
				.timeout(Duration.ofSeconds(60))
				.header("Content-Type", contentType)
				.header("Authorization", "Bearer " + ShipperKeys.APP)
				.POST(HttpRequest.BodyPublishers.ofByteArray(body))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

}
