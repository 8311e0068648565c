package io.logpipe.indexer.admin;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.logpipe.common.topic.DeadLetterHeaders;
import io.logpipe.indexer.ElasticsearchQueries;
import io.logpipe.indexer.IndexerIntegrationTest;
import io.logpipe.indexer.TestDocuments;
import io.logpipe.testsupport.TestServers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code POST /admin/dead-letters/replay} on the real Kafka and Elasticsearch: documents
 * Elasticsearch rejected (a word in an {@code ip} field) reach index-dlq; once the cause
 * is fixed (the field made {@code ignore_malformed}) a replay stores each of them exactly
 * once, a dead letter whose document had landed already answers 409 and is not stored
 * twice, and a second replay sends nothing. A parse-stage dead letter goes back to its
 * raw topic as it was read, without the dead-letter headers; parser-service itself is not
 * running here, its side is {@code RawRecordListenerIT}'s.
 */
@IndexerIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "indexer-it.name=dlq-replay-it", "indexer.admin.token-sha256=" + ReplayIT.TOKEN_SHA256,
				"indexer.dead-letter-replay.parse-dead-letter-topic=" + DeadLetterReplayIT.PARSE_DLQ,
				"indexer.dead-letter-replay.raw-topics=" + DeadLetterReplayIT.RAW,
				"indexer.dead-letter-replay.replayed-topic=dlq-replay-it-replayed" })
class DeadLetterReplayIT {

	static final String PARSE_DLQ = "dlq-replay-it-logs-dlq";

	static final String RAW = "dlq-replay-it-raw";

	private static final String PARSED = "dlq-replay-it-parsed";

	private static final String INDEX_DLQ = "dlq-replay-it-dlq";

	private static final String TENANT = "dlqreplayit";

	private static final String STREAM = "logs-web-" + TENANT;

	private static final JsonMapper json = JsonMapper.builder().build();

	private final ElasticsearchQueries elasticsearch = new ElasticsearchQueries(TestServers.elasticsearch().uri());

	@LocalServerPort
	private int port;

	@Autowired
	private MeterRegistry meters;

	@Test
	void replaysRejectedDocumentsOnceTheCauseIsFixedExactlyOnceAndASecondReplaySendsNothing() throws Exception {
		List<ObjectNode> good = TestDocuments.documents(3, "web", TENANT);
		List<ObjectNode> batch = new ArrayList<>(good);
		for (int i = 0; i < 2; i++) {
			ObjectNode conflicting = TestDocuments.document("web", TENANT);
			conflicting.putObject("source").put("ip", "not-an-ip-address");
			batch.add(conflicting);
		}
		try (TestDocuments kafka = new TestDocuments()) {
			kafka.send(PARSED, batch);
		}
		await().atMost(Duration.ofSeconds(120)).until(() -> this.elasticsearch.count(STREAM) == 3);
		// A dead letter whose document landed after all (say, a replay whose mark was
		// lost), and one that names a topic the index stage does not read.
		ObjectNode landed = good.get(0);
		try (KafkaProducer<String, byte[]> producer = producer()) {
			producer.send(deadLetter(INDEX_DLQ, "index", PARSED, "version_conflict_engine_exception", landed)).get();
			producer
				.send(deadLetter(INDEX_DLQ, "index", "somewhere-else", "document_parsing_exception",
						TestDocuments.document("web", TENANT)))
				.get();
		}
		await().atMost(Duration.ofSeconds(120))
			.until(() -> replay(Map.of("stage", "index", "dry_run", true)).path("matched").asLong() == 4);

		JsonNode dryRun = replay(Map.of("stage", "index", "dry_run", true));
		assertThat(dryRun.path("replayed").asLong()).isEqualTo(3);
		assertThat(dryRun.path("dry_run").asBoolean()).isTrue();
		assertThat(this.elasticsearch.count(STREAM)).isEqualTo(3);

		this.elasticsearch.call("PUT", "/" + STREAM + "/_mapping", """
				{"properties": {"source": {"properties": {"ip": {"type": "ip", "ignore_malformed": true}}}}}""");
		double alreadyThere = AdminCalls.alreadyExists(this.meters);
		JsonNode replayed = replay(Map.of("stage", "index"));

		assertThat(replayed.path("matched").asLong()).isEqualTo(4);
		assertThat(replayed.path("replayed").asLong()).isEqualTo(3);
		assertThat(replayed.path("by_stage")).isEqualTo(json.readTree("{\"index\": 3, \"parse\": 0}"));
		assertThat(replayed.path("skipped_by_reason"))
			.isEqualTo(json.readTree("{\"already-replayed\": 0, \"unknown-origin-topic\": 1, \"unknown-stage\": 0}"));
		await().atMost(Duration.ofSeconds(120)).until(() -> this.elasticsearch.count(STREAM) == 5);
		await().atMost(Duration.ofSeconds(120)).until(() -> AdminCalls.alreadyExists(this.meters) - alreadyThere >= 1);
		assertThat(this.elasticsearch.duplicates(STREAM)).isEmpty();
		assertThat(replayedCount("index", "document_parsing_exception")).isEqualTo(2);
		assertThat(replayedCount("index", "version_conflict_engine_exception")).isEqualTo(1);

		long parsedEnd = endOffset(PARSED);
		JsonNode again = replay(Map.of("stage", "index"));
		assertThat(again.path("replayed").asLong()).isZero();
		assertThat(again.path("skipped_by_reason").path("already-replayed").asLong()).isEqualTo(3);
		assertThat(endOffset(PARSED)).isEqualTo(parsedEnd);
		assertThat(this.elasticsearch.count(STREAM)).isEqualTo(5);
	}

	@Test
	void sendsAParseDeadLetterBackToItsRawTopicAsItWasAndNoWhereElse() throws Exception {
		ObjectNode raw = json.createObjectNode().put("message", "10.0.0.7 - - [garbled");
		ProducerRecord<String, byte[]> toRaw = deadLetter(PARSE_DLQ, "parse", RAW, "format-mismatch", raw);
		toRaw.headers().add("traceparent", bytes("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"));
		try (KafkaProducer<String, byte[]> producer = producer()) {
			producer.send(toRaw).get();
			// A parse dead letter may not write where the parser writes.
			producer.send(deadLetter(PARSE_DLQ, "parse", PARSED, "format-mismatch", raw)).get();
		}

		JsonNode replayed = replay(Map.of("stage", "parse", "reason", "format-mismatch"));

		assertThat(replayed.path("matched").asLong()).isEqualTo(2);
		assertThat(replayed.path("by_stage").path("parse").asLong()).isEqualTo(1);
		assertThat(replayed.path("skipped_by_reason").path("unknown-origin-topic").asLong()).isEqualTo(1);
		ConsumerRecord<String, byte[]> back = TestDocuments.readOne(RAW);
		assertThat(back.key()).isEqualTo(toRaw.key());
		assertThat(back.value()).isEqualTo(toRaw.value());
		assertThat(back.headers().toArray()).extracting(Header::key).containsExactly("traceparent");
	}

	@Test
	void rejectsABadFilterWithAProblemAndReplaysNothing() throws Exception {
		long parsedEnd = endOffset(PARSED);
		HttpResponse<String> unknownStage = post("Bearer " + ReplayIT.TOKEN, "{\"stage\": \"ship\"}");
		HttpResponse<String> backwards = post("Bearer " + ReplayIT.TOKEN,
				"{\"from\": \"2026-12-02T00:00:00Z\", \"to\": \"2026-12-01T00:00:00Z\"}");
		HttpResponse<String> notJson = post("Bearer " + ReplayIT.TOKEN, "{\"stage\": ");
		HttpResponse<String> noToken = post(null, "{}");

		for (HttpResponse<String> response : List.of(unknownStage, backwards, notJson)) {
			assertThat(response.statusCode()).isEqualTo(400);
			assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(json.readTree(response.body()).path("type").asString())
				.isEqualTo("urn:logpipe:problem:invalid-replay");
		}
		assertThat(json.readTree(unknownStage.body()).path("detail").asString()).startsWith("stage must be");
		assertThat(json.readTree(notJson.body()).path("detail").asString()).contains("\"dry_run\"?");
		assertThat(noToken.statusCode()).isEqualTo(401);
		assertThat(endOffset(PARSED)).isEqualTo(parsedEnd);
	}

	private JsonNode replay(Map<String, Object> filter) throws Exception {
		HttpResponse<String> response = post("Bearer " + ReplayIT.TOKEN, json.writeValueAsString(filter));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	private HttpResponse<String> post(String authorization, String body) throws Exception {
		return AdminCalls.post(this.port, "/admin/dead-letters/replay", authorization, body);
	}

	private static ProducerRecord<String, byte[]> deadLetter(String topic, String stage, String origin,
			String errorType, ObjectNode value) {
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, "web", TestDocuments.bytes(value));
		new DeadLetterHeaders(errorType + ": written by the test", stage, origin, 0, 0, errorType, Instant.now())
			.addTo(record.headers()::add);
		return record;
	}

	private static KafkaProducer<String, byte[]> producer() {
		return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				TestServers.kafka().bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(),
				new ByteArraySerializer());
	}

	private static KafkaConsumer<String, byte[]> consumer(String group) {
		return new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafka().bootstrapServers(),
						ConsumerConfig.GROUP_ID_CONFIG, group, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new StringDeserializer(), new ByteArrayDeserializer());
	}

	private static long endOffset(String topic) {
		try (KafkaConsumer<String, byte[]> consumer = consumer(topic + "-ends")) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic)
				.stream()
				.map((info) -> new TopicPartition(topic, info.partition()))
				.toList();
			return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
		}
	}

	private double replayedCount(String stage, String reason) {
		Counter counter = this.meters.find(DeadLetterReplayMetrics.REPLAYED)
			.tag("stage", stage)
			.tag("reason", reason)
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
