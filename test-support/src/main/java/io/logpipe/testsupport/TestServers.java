package io.logpipe.testsupport;

import java.util.Locale;
import java.util.function.Supplier;

/**
 * The Kafka broker and Elasticsearch node that integration tests share, one of each per
 * JVM.
 *
 * <p>
 * Each server starts on the first call that asks for it (Elasticsearch takes about ten
 * seconds, Kafka about two) and is stopped by a shutdown hook when the JVM exits, so
 * every test class in a failsafe fork uses the same servers. Tests must therefore not
 * assume an empty server: use topic and index names of their own. Calls are thread-safe;
 * concurrent first callers wait for the one start. A start that fails is not retried:
 * later calls fail fast with the same cause instead of waiting another 90 seconds each.
 *
 * <p>
 * Where the servers come from is chosen once, by the system property
 * {@value #MODE_PROPERTY}:
 * <ul>
 * <li>{@code auto} (the default): Testcontainers when a Docker engine answers, otherwise
 * local servers;</li>
 * <li>{@code local}: spring-kafka-test's embedded KRaft broker and the Elasticsearch
 * distribution that this module unpacks ({@link LocalElasticsearchServer});</li>
 * <li>{@code docker}: Testcontainers ({@link ContainerServers}).</li>
 * </ul>
 *
 * <p>
 * Spring tests can use {@link RealKafka @RealKafka} and
 * {@link RealElasticsearch @RealElasticsearch} instead of calling this class.
 */
public final class TestServers {

	/** System property that chooses where the servers come from. */
	public static final String MODE_PROPERTY = "logpipe.testservers";

	private static final Shared<Boolean> USE_DOCKER = new Shared<>("the Docker check", TestServers::useDocker);

	private static final Shared<KafkaServer> KAFKA = new Shared<>("the Kafka broker",
			() -> USE_DOCKER.get() ? ContainerServers.kafka() : LocalKafkaServer.start());

	private static final Shared<ElasticsearchServer> ELASTICSEARCH = new Shared<>("the Elasticsearch node",
			() -> USE_DOCKER.get() ? ContainerServers.elasticsearch() : LocalElasticsearchServer.start());

	private TestServers() {
	}

	/**
	 * The JVM's Kafka broker, started on first use.
	 * @return the running broker
	 * @throws IllegalStateException if it cannot be started
	 */
	public static KafkaServer kafka() {
		return KAFKA.get();
	}

	/**
	 * The JVM's Elasticsearch node, started on first use.
	 * @return the running node
	 * @throws IllegalStateException if it cannot be started
	 */
	public static ElasticsearchServer elasticsearch() {
		return ELASTICSEARCH.get();
	}

	private static boolean useDocker() {
		String mode = System.getProperty(MODE_PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
		return switch (mode) {
			case "local" -> false;
			case "docker" -> true;
			case "auto" -> DockerEngine.isAvailable();
			default ->
				throw new IllegalStateException(MODE_PROPERTY + " must be auto, local or docker, not '" + mode + "'");
		};
	}

	/**
	 * Starts a value once, on first use, and remembers a failure so that it is not
	 * retried by every test class that follows.
	 */
	private static final class Shared<T> {

		private final String name;

		private final Supplier<T> start;

		private T value;

		private RuntimeException failure;

		Shared(String name, Supplier<T> start) {
			this.name = name;
			this.start = start;
		}

		synchronized T get() {
			if (this.value == null && this.failure == null) {
				try {
					this.value = this.start.get();
				}
				catch (RuntimeException ex) {
					this.failure = ex;
				}
			}
			if (this.failure != null) {
				throw new IllegalStateException("Could not start " + this.name + " for this JVM", this.failure);
			}
			return this.value;
		}

	}

}
