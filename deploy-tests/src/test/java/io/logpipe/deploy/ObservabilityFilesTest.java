package io.logpipe.deploy;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The Prometheus and Grafana files agree with each other and with the services. */
class ObservabilityFilesTest {

	@Test
	void thePrometheusRuleCarriesExactlyTheComposeAlertRules() {
		JsonNode composeRules = ProjectFiles.yamlFile(ObservabilityFiles.ALERTS);
		JsonNode operatorRules = RenderedOverlay.of("overlays/prod").one("PrometheusRule", "logpipe").path("spec");

		assertThat(operatorRules).isEqualTo(composeRules);
	}

	@Test
	void alertsCoverWhatHurts() {
		List<String> alerts = new ArrayList<>();
		ProjectFiles.yamlFile(ObservabilityFiles.ALERTS)
			.at("/groups")
			.findValues("alert")
			.forEach((alert) -> alerts.add(alert.asText()));

		assertThat(alerts).containsExactlyInAnyOrder("LogpipeConsumerLagGrowing", "LogpipeParserDeadLetters",
				"LogpipeIndexerDeadLetters", "LogpipeIndexingPaused", "LogpipeIngestRejecting",
				"LogpipeEndToEndLatencyHigh", "LogpipeTenantOverServiceBound");
		assertThat(ProjectFiles.yamlFile(ObservabilityFiles.ALERTS).at("/groups").findValues("for"))
			.allSatisfy((duration) -> assertThat(duration.asText()).matches("\\d+m"));
	}

	@Test
	void prometheusScrapesEveryServiceOnItsPort() {
		JsonNode scrape = ProjectFiles.yamlFile("deploy/observability/prometheus/prometheus.yml")
			.at("/scrape_configs/0");
		List<String> targets = new ArrayList<>();
		scrape.at("/static_configs/0/targets").forEach((target) -> targets.add(target.asText()));

		assertThat(scrape.path("metrics_path").asText()).isEqualTo("/actuator/prometheus");
		assertThat(targets).containsExactlyInAnyOrderElementsOf(
				ServiceConfig.all().stream().map((service) -> service.name() + ":" + service.port()).toList());
		JsonNode monitor = RenderedOverlay.of("overlays/prod").one("ServiceMonitor", "logpipe");
		assertThat(monitor.at("/spec/endpoints/0/path").asText()).isEqualTo("/actuator/prometheus");
		assertThat(monitor.at("/spec/endpoints/0/port").asText()).isEqualTo("http");
		assertThat(monitor.at("/spec/selector/matchExpressions/0/values")).extracting(JsonNode::asText)
			.containsExactlyInAnyOrderElementsOf(ServiceConfig.NAMES);
	}

	@Test
	void theDashboardQueriesTheProvisionedDataSourceAndShowsWhatTheIssueAsks() {
		JsonNode dashboard = ProjectFiles.jsonFile(ObservabilityFiles.DASHBOARD);
		String datasourceUid = ProjectFiles
			.yamlFile("deploy/observability/grafana/provisioning/datasources/prometheus.yml")
			.at("/datasources/0/uid")
			.asText();
		List<String> titles = new ArrayList<>();
		dashboard.path("panels").forEach((panel) -> titles.add(panel.path("title").asText()));

		assertThat(dashboard.findValues("uid")).extracting(JsonNode::asText).containsOnly("logpipe", "${datasource}");
		assertThat(dashboard.at("/templating/list/0/query").asText()).isEqualTo("prometheus");
		assertThat(datasourceUid).isEqualTo("prometheus");
		assertThat(ObservabilityFiles.metricNames()).containsKeys("logpipe_ingest_events_accepted_total",
				"logpipe_ingest_events_rejected_total", "logpipe_ingest_kafka_produce_seconds_bucket",
				"logpipe_parser_events_total", "logpipe_parser_failures_total", "logpipe_indexer_documents_total",
				"logpipe_indexer_bulk_latency_seconds_bucket", "logpipe_indexer_end_to_end_latency_seconds_bucket",
				"kafka_consumer_fetch_manager_records_lag_max", "jvm_memory_used_bytes", "jvm_gc_pause_seconds_sum");
		assertThat(titles).contains("ingest-api", "parser-service", "indexer-service", "Kafka", "JVM");
	}

	@Test
	void theDashboardConfigMapIsTheDashboardFile() {
		JsonNode configMap = RenderedOverlay.of("overlays/prod").one("ConfigMap", "logpipe-grafana-dashboard");

		assertThat(configMap.at("/metadata/labels/grafana_dashboard").asText()).isEqualTo("1");
		assertThat(configMap.at("/data/logpipe.json").asText())
			.isEqualTo(ProjectFiles.read(ObservabilityFiles.DASHBOARD));
	}

}
