package io.logpipe.ingest.protocol.gelf;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import ch.qos.logback.classic.Logger;
import de.siegmar.logbackgelf.CompressionMethod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.MDC;

import io.logpipe.common.event.RawLogRecord;
import io.logpipe.ingest.protocol.ShipperClientTest;
import io.logpipe.ingest.protocol.ShipperIT;
import io.logpipe.ingest.protocol.ShipperKeys;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * logback-gelf's HTTP appender against ingest-api on the real broker: the messages on the
 * raw topic, and what the appender reports for success, a rejected message and ingest's
 * back-pressure. The appender sets no {@code Authorization} of its own; its JDK
 * {@code HttpClient} answers ingest's {@code Basic} challenge with the key, as a user
 * configures it.
 */
@ShipperIT
class GelfHttpAppenderIT extends ShipperClientTest {

	@ParameterizedTest
	@EnumSource(names = { "NONE", "GZIP", "ZLIB" })
	void sendsMessagesWithTheirFieldsOntoTheRawTopic(CompressionMethod compression) {
		String service = "gelf-" + compression + "-" + UUID.randomUUID();

		List<String> problems = send(service, ShipperKeys.APP, compression, (logger) -> {
			MDC.put("trace_id", "5b8efff798038103d269b633813fc60c");
			try {
				logger.error("payment declined", new IllegalStateException("card expired"));
			}
			finally {
				MDC.remove("trace_id");
			}
		});

		assertThat(problems).isEmpty();
		RawLogRecord record = records(service, 1).getFirst();
		assertThat(record.protocol()).isEqualTo("gelf");
		assertThat(record.tenant()).isEqualTo(ShipperKeys.TENANT);
		assertThat(record.message()).isEqualTo("payment declined");
		assertThat(record.source().host()).isEqualTo("web-1");
		assertThat(record.fields()).containsEntry("log.level", "error")
			.containsEntry("logger_name", "io.example.Cart")
			.containsEntry("trace_id", "5b8efff798038103d269b633813fc60c")
			.containsKey("@timestamp")
			.hasEntrySatisfying("full_message",
					(full) -> assertThat(full).asString().contains("IllegalStateException: card expired"));
	}

	@Test
	void reportsAMessageRejectedForGoodAndSendsTheNextOne() {
		String service = "gelf-rejected-" + UUID.randomUUID();

		List<String> problems = send(service, ShipperKeys.APP, CompressionMethod.GZIP, (logger) -> {
			logger.info("x".repeat(70_000));
			logger.info("the good one");
		});

		assertThat(problems).anySatisfy(
				(problem) -> assertThat(problem).contains("Code: 400").contains("ingest.limits.max-event-size"));
		assertThat(records(service, 1)).extracting(RawLogRecord::message).containsExactly("the good one");
	}

	@Test
	void answersTheRateLimitWithA503ThatTheAppenderRetries() {
		String service = "gelf-limited-" + UUID.randomUUID();

		List<String> problems = send(service, ShipperKeys.GELF_LIMITED, CompressionMethod.GZIP, (logger) -> {
			logger.info("first");
			logger.info("second");
		});

		assertThat(problems).anySatisfy((problem) -> assertThat(problem).contains("Code: 503"));
		assertThat(records(service, 1)).extracting(RawLogRecord::message).containsExactly("first");
	}

	@Test
	void answersABodyThatIsNotGelfWith400() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + GelfController.PATH))
				.timeout(Duration.ofSeconds(60))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Authorization", "Bearer " + ShipperKeys.APP)
				.POST(HttpRequest.BodyPublishers.ofString("{\"host\":\"a\",\"message\":\"no short_message\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("'short_message'");
	}

	private List<String> send(String service, String key, CompressionMethod compression, Consumer<Logger> logging) {
		return LogbackGelfClient.send(this.port, service, key, compression, logging);
	}

}
