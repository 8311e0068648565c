package io.logpipe.deploy;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The metric names the observability files and the autoscaling depend on: the Grafana
 * dashboard's queries, the Prometheus alert rules, and the KEDA triggers that query
 * Prometheus. Each name maps to where it is used.
 */
final class ObservabilityFiles {

	static final String DASHBOARD = "deploy/observability/grafana/dashboards/logpipe.json";

	static final String ALERTS = "deploy/observability/prometheus/alerts.yml";

	static final String SCALING = "deploy/k8s/base/services/scaling.yaml";

	private ObservabilityFiles() {
	}

	static Map<String, Set<String>> metricNames() {
		Map<String, Set<String>> names = new TreeMap<>();
		for (JsonNode expression : ProjectFiles.jsonFile(DASHBOARD).findValues("expr")) {
			add(names, expression.asText(), DASHBOARD);
		}
		for (JsonNode rule : ProjectFiles.yamlFile(ALERTS).at("/groups").findValues("expr")) {
			add(names, rule.asText(), ALERTS);
		}
		for (JsonNode scaledObject : ProjectFiles.yamlDocuments(ProjectFiles.read(SCALING))) {
			for (JsonNode trigger : scaledObject.at("/spec/triggers")) {
				if (trigger.path("type").asText().equals("prometheus")) {
					add(names, trigger.at("/metadata/query").asText(), SCALING);
				}
			}
		}
		return names;
	}

	private static void add(Map<String, Set<String>> names, String expression, String file) {
		PromQl.metricNames(expression)
			.forEach((name) -> names.computeIfAbsent(name, (key) -> new TreeSet<>()).add(file));
	}

}
