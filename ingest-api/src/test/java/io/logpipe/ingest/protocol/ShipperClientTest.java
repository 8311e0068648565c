package io.logpipe.ingest.protocol;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What each {@link ShipperIT} test class has: ingest's port for its client and the raw
 * topic it reads the client's records from.
 */
public abstract class ShipperClientTest {

	@LocalServerPort
	protected int port;

	@Value("${spring.kafka.bootstrap-servers}")
	private String bootstrapServers;

	protected ShipperTopics topics;

	@BeforeEach
	void connectToTheRawTopic() {
		this.topics = new ShipperTopics(this.bootstrapServers);
	}

	@AfterEach
	void closeTheRawTopic() {
		this.topics.close();
	}

}
