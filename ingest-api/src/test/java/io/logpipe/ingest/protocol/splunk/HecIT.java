package io.logpipe.ingest.protocol.splunk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.logpipe.common.event.RawLogRecord;
import io.logpipe.ingest.RawTopics;
import io.logpipe.testsupport.RealKafka;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Splunk HEC over real HTTP on a real Kafka: batched events as the documentation's
 * examples send them land on the raw topic, and a batch with an event without
 * {@code event} is refused with code 12 and reaches no topic (checked by a later marker
 * of the same service, so on the same partition).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "logpipe.auth.keys[0].sha256=2924a27d7fc715372a952b03583ae5f1221556bcdabbf2a57ff5de577efe11c1",
				"logpipe.auth.keys[0].tenant=hec-tenant", "ingest.kafka.topics.app=hec-it-app",
				"ingest.kafka.topics.system=hec-it-system", "ingest.kafka.topics.security=hec-it-security" })
@RealKafka
class HecIT {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@LocalServerPort
	private int port;

	@Value("${spring.kafka.bootstrap-servers}")
	private String bootstrapServers;

	private RawTopics topics;

	@BeforeEach
	void subscribe() {
		this.topics = new RawTopics(this.bootstrapServers, "hec-it-app");
	}

	@AfterEach
	void close() {
		this.topics.close();
	}

	@Test
	void batchedEventsLandOnTheRawTopicAndABadBatchReachesNone() {
		String run = UUID.randomUUID().toString();
		HttpResponse<String> bad = post("{\"event\":\"bad batch " + run + "\",\"fields\":{\"service\":\"hec-it\"}}"
				+ "{\"time\":1437522387,\"fields\":{\"service\":\"hec-it\"}}");
		HttpResponse<String> good = post("{\"time\":1437522387,\"host\":\"dataserver992.example.com\","
				+ "\"source\":\"testapp\",\"event\":{\"message\":\"Something happened " + run
				+ "\",\"severity\":\"INFO\"},\"fields\":{\"service\":\"hec-it\"}}" + "{\"event\":\"Hello world " + run
				+ "\",\"fields\":{\"service\":\"hec-it\"}}");

		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).contains("\"code\":12", "\"invalid-event-number\":1");
		assertThat(good.statusCode()).isEqualTo(200);
		assertThat(good.body()).isEqualTo("{\"text\":\"Success\",\"code\":0}");
		List<RawLogRecord> records = this.topics.await((record) -> record.message() != null
				&& record.message().endsWith(" " + run) && !record.message().startsWith("bad"), 2,
				Duration.ofSeconds(90));
		RawLogRecord happened = records.stream()
			.filter((record) -> record.message().startsWith("Something happened"))
			.findFirst()
			.orElseThrow();
		assertThat(happened.protocol()).isEqualTo("splunk-hec");
		assertThat(happened.tenant()).isEqualTo("hec-tenant");
		assertThat(happened.source().service()).isEqualTo("hec-it");
		assertThat(happened.source().host()).isEqualTo("dataserver992.example.com");
		assertThat(happened.fields()).containsEntry("@timestamp", "2015-07-21T23:46:27Z")
			.containsEntry("severity", "INFO");
		assertThat(this.topics.seen((record) -> ("bad batch " + run).equals(record.message()))).isEmpty();
	}

	private HttpResponse<String> post(String body) {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/services/collector"))
			.header("Authorization", "Splunk app-key")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.timeout(Duration.ofSeconds(60))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
