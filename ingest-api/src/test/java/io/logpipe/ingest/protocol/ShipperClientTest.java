package io.logpipe.ingest.protocol;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.logpipe.common.event.RawLogRecord;
import io.logpipe.ingest.RawTopics;

/**
 * What each {@link ShipperIT} test class has: ingest's port for its client and the raw
 * topic it reads the client's records from.
 */
public abstract class ShipperClientTest {

	@LocalServerPort
	protected int port;

	@Value("${spring.kafka.bootstrap-servers}")
	private String bootstrapServers;

	private RawTopics topics;

	@BeforeEach
	void connectToTheRawTopic() {
		this.topics = new RawTopics(this.bootstrapServers, ShipperKeys.RAW_TOPIC);
	}

	@AfterEach
	void closeTheRawTopic() {
		this.topics.close();
	}

	/** Waits until {@code count} records of the service reached the raw topic. */
	protected List<RawLogRecord> records(String service, int count) {
		return this.topics.await((record) -> service.equals(record.source().service()), count, Duration.ofSeconds(90));
	}

}
