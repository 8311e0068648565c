package io.logpipe.ingest.kafka;

import java.util.Map;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A Kafka broker of a test's own, for tests that stop it; the JVM's shared broker is
 * never touched.
 */
public final class OwnBroker {

	private OwnBroker() {
	}

	/**
	 * Starts a one-node broker.
	 * @param name names the system property its broker list goes to, kept apart from the
	 * one the shared broker may use
	 */
	public static EmbeddedKafkaKraftBroker start(String name) {
		EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
		broker.brokerProperties(Map.of("offsets.topic.replication.factor", "1",
				"transaction.state.log.replication.factor", "1", "transaction.state.log.min.isr", "1",
				"min.insync.replicas", "1", "listeners", "EXTERNAL://127.0.0.1:0,CONTROLLER://127.0.0.1:0"));
		broker.brokerListProperty("logpipe." + name + ".bootstrap-servers");
		broker.afterPropertiesSet();
		return broker;
	}

	/** The broker's address for {@code spring.kafka.bootstrap-servers}. */
	public static String bootstrapServers(EmbeddedKafkaKraftBroker broker) {
		String brokers = broker.getBrokersAsString();
		return "127.0.0.1:" + brokers.substring(brokers.lastIndexOf(':') + 1);
	}

}
