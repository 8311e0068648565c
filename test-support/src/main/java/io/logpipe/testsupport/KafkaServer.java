package io.logpipe.testsupport;

/**
 * A real Kafka broker shared by every test in the JVM. Get it from
 * {@link TestServers#kafka()}; it is started on first use and stopped when the JVM exits.
 */
public interface KafkaServer {

	/**
	 * The address clients use, {@code host:port}, reachable from other processes on this
	 * machine too.
	 * @return the value for {@code bootstrap.servers}
	 */
	String bootstrapServers();

}
