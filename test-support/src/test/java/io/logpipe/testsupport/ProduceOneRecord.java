package io.logpipe.testsupport;

import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Run by {@link KafkaServerIT} in a child JVM, as the service jars are in the end-to-end
 * tests: arguments are the bootstrap servers, the topic and the value.
 */
final class ProduceOneRecord {

	private ProduceOneRecord() {
	}

	public static void main(String[] args) throws Exception {
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, args[0], ProducerConfig.ACKS_CONFIG, "all"),
				new StringSerializer(), new StringSerializer())) {
			producer.send(new ProducerRecord<>(args[1], args[2])).get();
		}
	}

}
