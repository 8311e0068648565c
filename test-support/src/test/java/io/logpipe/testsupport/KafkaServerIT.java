package io.logpipe.testsupport;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class KafkaServerIT {

	private final String bootstrapServers = TestServers.kafka().bootstrapServers();

	@Test
	void advertisesTheAddressClientsBootstrapFrom() throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers))) {
			Collection<Node> nodes = admin.describeCluster().nodes().get(30, TimeUnit.SECONDS);

			assertThat(nodes).extracting((node) -> node.host() + ":" + node.port())
				.containsExactly(this.bootstrapServers);
		}
		assertThat(this.bootstrapServers).matches("(127\\.0\\.0\\.1|localhost):\\d+");
	}

	@Test
	void readCommittedConsumerSeesCommittedRecordsOnly() {
		String topic = "it-transactions-" + UUID.randomUUID();
		try (KafkaProducer<String, String> producer = transactionalProducer()) {
			producer.initTransactions();
			producer.beginTransaction();
			producer.send(new ProducerRecord<>(topic, "tenant-a/checkout", "rolled back"));
			producer.abortTransaction();
			producer.beginTransaction();
			producer.send(new ProducerRecord<>(topic, "tenant-a/checkout", "committed"));
			producer.commitTransaction();
		}

		List<String> values = consume(topic, 1).stream().map(ConsumerRecord::value).toList();

		assertThat(values).containsExactly("committed");
	}

	@Test
	void acceptsRecordsFromAnotherProcess() throws Exception {
		String topic = "it-child-process-" + UUID.randomUUID();
		Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), ProduceOneRecord.class.getName(), this.bootstrapServers, topic,
				"from another process")
			.inheritIO()
			.start();

		assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(child.exitValue()).isZero();
		assertThat(consume(topic, 1)).extracting(ConsumerRecord::value).containsExactly("from another process");
	}

	private KafkaProducer<String, String> transactionalProducer() {
		return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers,
				ProducerConfig.TRANSACTIONAL_ID_CONFIG, "it-" + UUID.randomUUID(),
				ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000),
				new StringSerializer(), new StringSerializer());
	}

	private List<ConsumerRecord<String, String>> consume(String topic, int expected) {
		List<ConsumerRecord<String, String>> records = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers, ConsumerConfig.GROUP_ID_CONFIG,
						"it-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
						ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
				new StringDeserializer(), new StringDeserializer())) {
			consumer.subscribe(List.of(topic));
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach(records::add);
				return records.size() >= expected;
			});
			// One more poll: a record beyond the expected ones would show up here.
			consumer.poll(Duration.ofMillis(500)).forEach(records::add);
		}
		return records;
	}

}
