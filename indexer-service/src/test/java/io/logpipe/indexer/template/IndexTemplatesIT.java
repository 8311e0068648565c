package io.logpipe.indexer.template;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;

import io.logpipe.indexer.IndexerIntegrationTest;
import io.logpipe.testsupport.TestServers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The templates the indexer installs: a per-tenant retention template that wins over the
 * default one, the log-metrics template, and version-aware upgrades.
 */
@IndexerIntegrationTest(
		properties = { "indexer-it.name=templates-it", "indexer.template.retention-by-tenant.Long-Keep=30d" })
class IndexTemplatesIT {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	@Autowired
	private IndexTemplates templates;

	@Autowired
	private IndexTemplatesHealth health;

	@Test
	void givesATenantWithItsOwnRetentionATemplateThatWinsOverTheDefault() throws Exception {
		await().atMost(Duration.ofSeconds(90))
			.untilAsserted(() -> assertThat(this.health.health().getStatus()).isEqualTo(Status.UP));
		// "Long-Keep" is not a clean name part: lower-cased, sanitized, hashed.
		String tenantPart = io.logpipe.indexer.index.DataStreamNames.part("Long-Keep");

		JsonNode tenant = call("POST", "/_index_template/_simulate_index/logs-web-" + tenantPart, null);
		assertThat(tenant.path("template").path("lifecycle").path("data_retention").asString()).isEqualTo("30d");
		assertThat(
				tenant.path("template").path("mappings").path("properties").path("attributes").path("type").asString())
			.isEqualTo("flattened");
		JsonNode other = call("POST", "/_index_template/_simulate_index/logs-web-someoneelse", null);
		assertThat(other.path("template").path("lifecycle").path("data_retention").asString()).isEqualTo("7d");
		JsonNode metrics = call("POST", "/_index_template/_simulate_index/metrics-logpipe.log_counts-acme", null);
		assertThat(metrics.path("template").path("lifecycle").path("data_retention").asString()).isEqualTo("30d");
		assertThat(metrics.path("template").path("mappings").path("properties").path("count").path("type").asString())
			.isEqualTo("long");
	}

	@Test
	void upgradesAnOlderTemplateButNeverDowngradesANewerOne() throws Exception {
		String name = "logpipe-templates-it-versioned";
		this.templates.putComponentTemplate(name, component(2, "2s"));
		assertThat(installedComponent(name).path("version").asLong()).isEqualTo(2);

		this.templates.putComponentTemplate(name, component(1, "1s"));
		assertThat(installedComponent(name).path("version").asLong()).isEqualTo(2);

		this.templates.putComponentTemplate(name, component(3, "3s"));
		JsonNode upgraded = installedComponent(name);
		assertThat(upgraded.path("version").asLong()).isEqualTo(3);
		assertThat(upgraded.path("template").path("settings").path("index").path("refresh_interval").asString())
			.isEqualTo("3s");
		call("DELETE", "/_component_template/" + name, null);
	}

	private static String component(int version, String refresh) {
		return """
				{"version": %d, "template": {"settings": {"index": {"refresh_interval": "%s"}}}}""".formatted(version,
				refresh);
	}

	private JsonNode installedComponent(String name) throws Exception {
		return call("GET", "/_component_template/" + name, null).path("component_templates")
			.get(0)
			.path("component_template");
	}

	private JsonNode call(String method, String path, String body) throws Exception {
		URI uri = TestServers.elasticsearch().uri().resolve(path);
		HttpRequest request = HttpRequest.newBuilder(uri)
			.header("Content-Type", "application/json")
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody())
			.build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

}
