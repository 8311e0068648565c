package io.logpipe.indexer.index;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import io.logpipe.indexer.IndexerIntegrationTest;
import io.logpipe.indexer.ElasticsearchQueries;
import io.logpipe.indexer.TestDocuments;
import io.logpipe.testsupport.TestServers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The indexer's meters, read from the registry after real documents were indexed.
 */
@IndexerIntegrationTest(properties = { "indexer-it.name=meters-it" })
class IndexingMetricsIT {

	private static final String STREAM = "logs-orders-metersit";

	@Autowired
	private MeterRegistry meters;

	@Test
	void recordsOutcomesBulkSizesLatenciesAndConsumerLag() {
		ElasticsearchQueries elasticsearch = new ElasticsearchQueries(TestServers.elasticsearch().uri());
		try (TestDocuments kafka = new TestDocuments()) {
			kafka.send("meters-it-parsed", TestDocuments.documents(20, "orders", "metersit"));
		}
		await().atMost(Duration.ofSeconds(90)).until(() -> elasticsearch.count(STREAM) == 20);

		assertThat(this.meters.get("logpipe.indexer.documents").tag("outcome", "indexed").counter().count())
			.isGreaterThanOrEqualTo(20);
		assertThat(this.meters.get("logpipe.indexer.bulk.documents").summary().totalAmount())
			.isGreaterThanOrEqualTo(20);
		assertThat(this.meters.get("logpipe.indexer.bulk.bytes").summary().totalAmount()).isPositive();
		assertThat(this.meters.get("logpipe.indexer.bulk.latency").tag("result", "ok").timer().count()).isPositive();
		assertThat(this.meters.get("logpipe.indexer.end_to_end.latency").timer().count()).isGreaterThanOrEqualTo(20);
		assertThat(this.meters.get("logpipe.indexer.bulk.in_flight").gauge().value()).isZero();
		assertThat(this.meters.get("logpipe.indexer.partitions.paused").gauge().value()).isZero();
		// Consumer lag: the Kafka client's own metric, bound by Spring Boot.
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(this.meters.find("kafka.consumer.fetch.manager.records.lag.max").gauges())
				.isNotEmpty());
	}

}
