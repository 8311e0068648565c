package io.logpipe.testsupport;

import java.util.Map;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A single-node KRaft broker inside the test JVM (spring-kafka-test's
 * {@link EmbeddedKafkaKraftBroker}), configured so that transactions and consumer groups
 * work on one node.
 *
 * <p>
 * {@link TestServers} starts it once per JVM; a shutdown hook stops it and deletes its
 * log directories. The listener is a real TCP socket advertised as {@code 127.0.0.1}, so
 * the service jars that the end-to-end tests start as child processes connect to it like
 * any other client. Kafka's test kit pre-opens the listener sockets on the wildcard
 * address, and EmbeddedKafkaKraftBroker offers no way to change that: the port is
 * reachable from other hosts too.
 */
final class LocalKafkaServer implements KafkaServer {

	private static final Map<String, String> BROKER_PROPERTIES = Map.of(
			// One node: the internal topics cannot have more than one replica.
			"offsets.topic.replication.factor", "1", "transaction.state.log.replication.factor", "1",
			"transaction.state.log.min.isr", "1", "min.insync.replicas", "1", "default.replication.factor", "1",
			// Fewer partitions than the default 50 make the first consumer group and the
			// first transaction start faster.
			"offsets.topic.num.partitions", "5", "transaction.state.log.num.partitions", "5",
			// Consumers in tests join alone; waiting for more members only slows them.
			"group.initial.rebalance.delay.ms", "0",
			// Advertise 127.0.0.1: localhost may resolve to ::1 first, or not at all in a
			// minimal container.
			"listeners", "EXTERNAL://127.0.0.1:0,CONTROLLER://127.0.0.1:0");

	private final String bootstrapServers;

	private LocalKafkaServer(String bootstrapServers) {
		this.bootstrapServers = bootstrapServers;
	}

	static LocalKafkaServer start() {
		EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
		broker.brokerProperties(BROKER_PROPERTIES);
		// The broker would otherwise set spring.kafka.bootstrap-servers as a system
		// property, pointing every Spring context in the JVM at it; tests opt in with
		// @RealKafka instead.
		broker.brokerListProperty("logpipe.testservers.kafka.bootstrap-servers");
		broker.afterPropertiesSet();
		Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "logpipe-stop-kafka"));
		// The test kit answers "localhost:<port>" whatever the listener says.
		String brokers = broker.getBrokersAsString();
		return new LocalKafkaServer("127.0.0.1:" + brokers.substring(brokers.lastIndexOf(':') + 1));
	}

	@Override
	public String bootstrapServers() {
		return this.bootstrapServers;
	}

}
