package io.logpipe.indexer.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.logpipe.indexer.IndexerIntegrationTest;
import io.logpipe.indexer.ElasticsearchQueries;

import io.logpipe.testsupport.TestServers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * parser-service's per-minute counts on log-metrics become documents of
 * {@code metrics-logpipe.log_counts-<tenant>}, read tolerantly (unknown fields, epoch or
 * ISO times), once per (tenant, service, level, window) however often they are delivered;
 * an unusable record goes to index-dlq.
 */
@IndexerIntegrationTest(properties = { "indexer-it.name=metrics-it" })
class LogMetricsIT {

	private static final String TOPIC = "metrics-it-metrics";

	private static final String STREAM = "metrics-logpipe.log_counts-metricsit";

	private final ElasticsearchQueries elasticsearch = new ElasticsearchQueries(TestServers.elasticsearch().uri());

	@Test
	void indexesEveryPartialCountWhateverItsFormatSoAWindowSumsUp() {
		// parser-service's shape (snake_case) and a camelCase one from a future or
		// foreign producer.
		String iso = """
				{"tenant":"metricsit","service":"checkout","level":"ERROR","window_start":"2026-11-21T10:00:00Z",\
				"window_end":"2026-11-21T10:01:00Z","count":42,"addedByANewerParser":true}""";
		String epoch = """
				{"tenant":"metricsit","service":"checkout","level":"INFO","windowStart":1795255200000,"count":7}""";
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafka().bootstrapServers()),
				new StringSerializer(), new ByteArraySerializer())) {
			for (String count : List.of(iso, epoch, iso, "{\"service\":\"no tenant\"}")) {
				producer.send(new ProducerRecord<>(TOPIC, "metricsit", count.getBytes(StandardCharsets.UTF_8)));
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
