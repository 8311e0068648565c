package io.logpipe.indexer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.logpipe.common.id.EventIds;
import io.logpipe.testsupport.TestServers;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Parsed documents as parser-service writes them, and a producer for the shared broker.
 * Public for the read side's tests (search, tail), which index the same documents.
 */
public final class TestDocuments implements AutoCloseable {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
			Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafka().bootstrapServers(),
					ProducerConfig.ACKS_CONFIG, "all"),
			new StringSerializer(), new ByteArraySerializer());

	public static ObjectNode document(String service, String tenant, String id, Instant timestamp) {
		ObjectNode document = json.createObjectNode();
		document.put("@timestamp", timestamp.toString());
		document.put("message", "GET /checkout 200");
		document.putObject("event").put("id", id).put("created", Instant.now().toString());
		document.putObject("service").put("name", service);
		document.putObject("organization").put("id", tenant);
		return document;
	}

	public static ObjectNode document(String service, String tenant) {
		return document(service, tenant, EventIds.newId(), Instant.now());
	}

	/**
	 * Creates {@code topic} unless it exists: a test that only reads a topic (the live
	 * tail waits for parsed-logs to exist) must not depend on another test writing first.
	 */
	public static void createTopic(String topic, int partitions) {
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafka().bootstrapServers()))) {
			admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
		}
		catch (ExecutionException ex) {
			if (!(ex.getCause() instanceof TopicExistsException)) {
				throw new IllegalStateException("could not create " + topic, ex);
			}
		}
		catch (InterruptedException | TimeoutException ex) {
			throw new IllegalStateException("could not create " + topic, ex);
		}
	}

	public static byte[] bytes(ObjectNode document) {
		return json.writeValueAsBytes(document);
	}

	/**
	 * Sends keyed by service, as parser-service does, and waits for Kafka's
	 * acknowledgement; returns the ids sent.
	 */
	public List<String> send(String topic, List<ObjectNode> documents) {
		return send(topic, documents, false);
	}

	/** Sends keyed by event id, so that the documents spread over all partitions. */
	public List<String> sendSpread(String topic, List<ObjectNode> documents) {
		return send(topic, documents, true);
	}

	private List<String> send(String topic, List<ObjectNode> documents, boolean spread) {
		List<String> ids = new ArrayList<>();
		try {
			for (ObjectNode document : documents) {
				String id = document.get("event").get("id").asString();
				ids.add(id);
				String key = spread ? id : document.get("service").get("name").asString();
				this.producer.send(new ProducerRecord<>(topic, key, bytes(document)));
			}
			this.producer.flush();
			return ids;
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("could not send to " + topic, ex);
		}
	}

	public static List<ObjectNode> documents(int count, String service, String tenant) {
		List<ObjectNode> documents = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			documents.add(document(service, tenant));
		}
		return documents;
	}

	/**
	 * Reads a topic from its beginning with a group of its own until a record arrives;
	 * asserts that it is the only one.
	 */
	public static ConsumerRecord<String, byte[]> readOne(String topic) {
		List<ConsumerRecord<String, byte[]>> records = read(topic, 1);
		assertThat(records).hasSize(1);
		return records.get(0);
	}

	/**
	 * Reads a topic from its beginning with a group of its own until at least
	 * {@code count} records arrived.
	 */
	public static List<ConsumerRecord<String, byte[]>> read(String topic, int count) {
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafka().bootstrapServers(),
						ConsumerConfig.GROUP_ID_CONFIG, topic + "-reader", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
						"earliest"),
				new StringDeserializer(), new ByteArrayDeserializer())) {
			consumer.subscribe(List.of(topic));
			List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
			await().atMost(Duration.ofSeconds(90)).until(() -> {
				consumer.poll(Duration.ofMillis(500)).forEach(records::add);
				return records.size() >= count;
			});
			return records;
		}
	}

	/** Sends bytes that need not be a document, and waits for Kafka's acknowledgement. */
	public void sendBytes(String topic, String key, byte[] value) {
		this.producer.send(new ProducerRecord<>(topic, key, value));
		this.producer.flush();
	}

	public static String text(byte[] bytes) {
		return new String(bytes, StandardCharsets.UTF_8);
	}

	@Override
	public void close() {
		this.producer.close(Duration.ofSeconds(10));
	}

}
