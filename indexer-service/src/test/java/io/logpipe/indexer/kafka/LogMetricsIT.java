package io.logpipe.indexer.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.logpipe.common.codec.EventCodec;
import io.logpipe.common.metrics.LogCount;
import io.logpipe.indexer.ElasticsearchQueries;
import io.logpipe.indexer.IndexerIntegrationTest;
import io.logpipe.testsupport.TestServers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * parser-service's per-minute counts on log-metrics, encoded with the common codec,
 * become documents of {@code metrics-logpipe.log_counts-<tenant>}, one per record however
 * often it is delivered (each record is a partial count); a record that is not a usable
 * {@link LogCount} (no tenant, no window) does not become a document.
 */
@IndexerIntegrationTest(properties = { "indexer-it.name=metrics-it" })
class LogMetricsIT {

	private static final String TOPIC = "metrics-it-metrics";

	private static final String STREAM = "metrics-logpipe.log_counts-metricsit";

	private static final Instant WINDOW = Instant.parse("2026-11-21T10:00:00Z");

	private final ElasticsearchQueries elasticsearch = new ElasticsearchQueries(TestServers.elasticsearch().uri());

	@Test
	void indexesEveryPartialCountSoAWindowSumsUp() {
		EventCodec codec = new EventCodec();
		byte[] errorCount = codec
			.encode(new LogCount(WINDOW, WINDOW, WINDOW.plusSeconds(60), "metricsit", "checkout", "ERROR", 42));
		byte[] infoCount = codec
			.encode(new LogCount(WINDOW, WINDOW, WINDOW.plusSeconds(60), "metricsit", "checkout", "INFO", 7));
		byte[] unusable = "{\"service\":\"no tenant\"}".getBytes(StandardCharsets.UTF_8);
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafka().bootstrapServers()),
				new StringSerializer(), new ByteArraySerializer())) {
			for (byte[] count : List.of(errorCount, infoCount, errorCount, unusable)) {
				producer.send(new ProducerRecord<>(TOPIC, "metricsit", count));
			}
			producer.flush();
		}

		// Two partial counts of the ERROR window (two parser batches) and one of INFO.
		await().atMost(Duration.ofSeconds(90)).until(() -> this.elasticsearch.count(STREAM) == 3);
		JsonNode errors = this.elasticsearch.search(STREAM, """
				{"query": {"term": {"log.level": "ERROR"}}}""").path("hits");
		assertThat(errors.path("total").path("value").asLong()).isEqualTo(2);
		long errorsInWindow = 0;
		for (JsonNode hit : errors.path("hits")) {
			JsonNode source = hit.path("_source");
			assertThat(source.path("service").path("name").asString()).isEqualTo("checkout");
			assertThat(source.path("@timestamp").asString()).isEqualTo("2026-11-21T10:00:00Z");
			errorsInWindow += source.path("count").asLong();
		}
		assertThat(errorsInWindow).isEqualTo(84);
		assertThat(this.elasticsearch.count(STREAM)).isEqualTo(3);
	}

}
