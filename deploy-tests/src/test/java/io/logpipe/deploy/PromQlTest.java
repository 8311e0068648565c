package io.logpipe.deploy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PromQlTest {

	@Test
	void findsTheMetricsOfAnAggregatedRate() {
		assertThat(PromQl.metricNames("sum by (reason) (rate(logpipe_ingest_events_rejected_total[1m]))"))
			.containsExactly("logpipe_ingest_events_rejected_total");
	}

	@Test
	void ignoresLabelMatchersStringsNumbersAndFunctions() {
		assertThat(PromQl.metricNames(
				"histogram_quantile(0.99, sum by (le) (rate(logpipe_indexer_end_to_end_latency_seconds_bucket{outcome=\"by(x)\"}[5m]))) > 2e3"))
			.containsExactly("logpipe_indexer_end_to_end_latency_seconds_bucket");
	}

	@Test
	void findsBothSidesOfABinaryOperationWithMatching() {
		assertThat(PromQl.metricNames("""
				sum by (application, outcome) (rate(logpipe_ingest_requests_total{outcome=~"a|b"}[5m]))
				/ ignoring (outcome) group_left sum by (application) (rate(http_server_requests_seconds_count[5m]))
				and delta(max by (application) (kafka_consumer_fetch_manager_records_lag_max)[15m:1m]) > 0
				""")).containsExactly("http_server_requests_seconds_count",
				"kafka_consumer_fetch_manager_records_lag_max", "logpipe_ingest_requests_total");
	}

}
