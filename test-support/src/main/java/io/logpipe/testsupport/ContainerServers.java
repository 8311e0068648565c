package io.logpipe.testsupport;

import java.net.URI;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.elasticsearch.ElasticsearchContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The same servers as Testcontainers containers, for machines that have a Docker engine.
 *
 * <p>
 * Only used when {@link DockerEngine} finds an engine (it cannot run on the machines this
 * project is built on). Each container is started once per JVM by {@link TestServers} and
 * stopped by a shutdown hook; Ryuk removes it if the JVM dies without running hooks.
 */
final class ContainerServers {

	// The broker version spring-kafka 4.0.6 and the Boot 4.0.7 BOM use.
	private static final DockerImageName KAFKA_IMAGE = DockerImageName.parse("apache/kafka:4.1.2");

	// The version of the distribution LocalElasticsearchServer runs, so both modes test
	// against the same server.
	private static final DockerImageName ELASTICSEARCH_IMAGE = DockerImageName
		.parse("docker.elastic.co/elasticsearch/elasticsearch:9.5.3");

	private ContainerServers() {
	}

	static KafkaServer kafka() {
		// The image's defaults from Testcontainers already make one node work for
		// transactions and consumer groups (replication factors and min ISR of 1, no
		// initial rebalance delay).
		KafkaContainer container = start(new KafkaContainer(KAFKA_IMAGE));
		String bootstrapServers = container.getBootstrapServers();
		return () -> bootstrapServers;
	}

	static ElasticsearchServer elasticsearch() {
		ElasticsearchContainer container = start(
				new ElasticsearchContainer(ELASTICSEARCH_IMAGE).withEnv("xpack.security.enabled", "false")
					.withEnv("ES_JAVA_OPTS", "-Xms512m -Xmx512m")
					// No TLS without security, so there is no CA certificate to copy out.
					.withCertPath(""));
		URI uri = URI.create("http://" + container.getHttpHostAddress());
		return () -> uri;
	}

	private static <C extends GenericContainer<?>> C start(C container) {
		container.start();
		Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "logpipe-stop-container"));
		return container;
	}

}
