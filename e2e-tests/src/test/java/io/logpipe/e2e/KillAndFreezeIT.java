package io.logpipe.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.logpipe.common.codec.EventCodec;
import io.logpipe.common.id.Sha256;
import io.logpipe.common.topic.Topics;
import io.logpipe.testsupport.ServiceProcess;
import io.logpipe.testsupport.TestServers;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The short version of the chaos scenarios (deploy/local/logpipe chaos) that runs in the
 * build, on real processes: the three services from their jars, on a Kafka broker in a
 * process of its own and the shared Elasticsearch node. parser-service is killed with
 * SIGKILL in the middle of a stream, and the broker is frozen with SIGSTOP under load;
 * every event ingest-api acknowledged must then be stored exactly once, and no request
 * may wait for its answer longer than ingest's acknowledgement timeout allows.
 */
class KillAndFreezeIT {

	private static final String API_KEY = "kill-and-freeze-key";

	private static final String TENANT = "chaosit";

	/** ingest.kafka.ack-timeout (5 s) and room for a loaded machine. */
	private static final Duration ANSWER_BOUND = Duration.ofSeconds(10);

	private static final Duration CATCH_UP = Duration.ofMinutes(3);

	private static final HttpClient http = HttpClient.newHttpClient();

	private static final EventCodec codec = new EventCodec();

	private static final Path LOGS = Path.of("target", "kill-and-freeze-logs");

	private static final List<ServiceProcess> services = new ArrayList<>();

	private static KafkaBrokerProcess kafka;

	private static ServiceProcess parser;

	private static RetryingClient client;

	@BeforeAll
	static void startPipeline() throws Exception {
		kafka = KafkaBrokerProcess.start(LOGS);
		ServiceProcess ingest = start("ingest-api",
				Map.of("logpipe.auth.keys[0].sha256", Sha256.hex(API_KEY), "logpipe.auth.keys[0].tenant", TENANT));
		parser = start("parser-service", Map.of());
		start("indexer-service", Map.of("spring.elasticsearch.uris", TestServers.elasticsearch().uri().toString()));
		for (ServiceProcess service : services) {
			service.awaitReady(Duration.ofSeconds(150));
		}
		client = new RetryingClient(ingest.uri("/api/v1/logs"), API_KEY);
	}

	@AfterAll
	static void stopPipeline() throws Exception {
		for (ServiceProcess service : services) {
			service.close();
		}
		if (kafka != null) {
			kafka.close();
		}
	}

	@Test
	void parserKilledMidStreamLosesNothingAndWritesEveryDocumentOnce() throws Exception {
		String service = "parser_kill";
		var load = client.send(service, 60, 50, Duration.ofMillis(100));
		await("the parser is mid-stream").atMost(CATCH_UP)
			.pollInterval(Duration.ofMillis(200))
			.until(() -> count(service) > 0);

		parser.kill();
		services.remove(parser);
		parser = start("parser-service", Map.of());
		parser.awaitReady(Duration.ofSeconds(150));

		RetryingClient.Outcome outcome = load.get();
		assertThat(outcome.ids()).hasSize(60 * 50);
		assertStoredOnce(service, outcome);
		// Elasticsearch would hide a second copy behind its _id: the parser's own output
		// must hold each document once too.
		Map<String, Integer> parsed = parsedIdCopies(service);
		assertThat(parsed).as("ids in parsed-logs").containsOnlyKeys(outcome.ids());
		assertThat(parsed.values()).as("copies of each id in parsed-logs").containsOnly(1);
	}

	@Test
	void kafkaFrozenUnderLoadAnswers503InTimeAndLosesNothing() throws Exception {
		String service = "kafka_freeze";
		var load = client.send(service, 100, 20, Duration.ofMillis(150));
		await("events flow").atMost(CATCH_UP).pollInterval(Duration.ofMillis(200)).until(() -> count(service) > 0);

		kafka.freeze();
		try {
			// The fault itself lasts this long: well over ingest's 5 s acknowledgement
			// timeout.
			Thread.sleep(Duration.ofSeconds(12));
		}
		finally {
			kafka.thaw();
		}

		RetryingClient.Outcome outcome = load.get();
		assertThat(outcome.attempts()).as("answers while the broker was frozen").containsKey("503");
		assertThat(outcome.maxAnswer()).as("longest wait for an answer").isLessThanOrEqualTo(ANSWER_BOUND);
		assertThat(outcome.ids()).hasSize(100 * 20);
		assertStoredOnce(service, outcome);
	}

	private static void assertStoredOnce(String service, RetryingClient.Outcome outcome)
			throws IOException, InterruptedException {
		await("every acknowledged event stored").atMost(CATCH_UP)
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> count(service) >= outcome.ids().size());
		Map<String, Integer> stored = storedIdCopies(service);
		assertThat(stored).as("stored ids").containsOnlyKeys(outcome.ids());
		assertThat(stored.values()).as("documents per id").containsOnly(1);
	}

	private static ServiceProcess start(String name, Map<String, String> properties) {
		Map<String, String> all = new HashMap<>(properties);
		all.put("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
		ServiceProcess service = ServiceProcess.start(Path.of(System.getProperty("logpipe.project.root", "..")), LOGS,
				name, all);
		services.add(service);
		return service;
	}

	private static long count(String service) throws IOException, InterruptedException {
		JsonNode answer = search("""
				{"size": 0, "track_total_hits": true, "query": {"term": {"service.name": "%s"}}}""".formatted(service));
		return answer.at("/hits/total/value").asLong(0);
	}

	private static Map<String, Integer> storedIdCopies(String service) throws IOException, InterruptedException {
		JsonNode answer = search("""
				{"size": 0, "query": {"term": {"service.name": "%s"}},
				 "aggs": {"ids": {"terms": {"field": "event.id", "size": 10000}}}}""".formatted(service));
		Map<String, Integer> copies = new HashMap<>();
		answer.at("/aggregations/ids/buckets")
			.forEach((bucket) -> copies.put(bucket.get("key").asString(), bucket.get("doc_count").asInt()));
		return copies;
	}

	private static JsonNode search(String query) throws IOException, InterruptedException {
		URI uri = URI.create(TestServers.elasticsearch().uri() + "/logs-" + "*-" + TENANT
				+ "/_search?ignore_unavailable=true&allow_no_indices=true");
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(query))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() == 503) {
			// a data stream created a moment ago, its shard not allocated yet
			return codec.mapper().createObjectNode();
		}
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return codec.mapper().readTree(response.body());
	}

	/**
	 * How often each id of {@code service} is in parsed-logs, read as the indexer reads
	 * it.
	 */
	private static Map<String, Integer> parsedIdCopies(String service) {
		Map<String, Integer> copies = new HashMap<>();
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
						ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
						ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
						ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
				new StringDeserializer(), new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(Topics.PARSED_LOGS)
				.stream()
				.map((info) -> new TopicPartition(Topics.PARSED_LOGS, info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
			while (partitions.stream().anyMatch((partition) -> consumer.position(partition) < end.get(partition))) {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
					JsonNode document = codec.mapper().readTree(record.value());
					if (service.equals(document.at("/service/name").asString())) {
						copies.merge(document.at("/event/id").asString(), 1, Integer::sum);
					}
				}
			}
		}
		return copies;
	}

}
