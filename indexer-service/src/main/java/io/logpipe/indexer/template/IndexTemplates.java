package io.logpipe.indexer.template;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import io.logpipe.indexer.IndexerProperties;
import io.logpipe.indexer.index.DataStreamNames;
import tools.jackson.databind.json.JsonMapper;

/**
 * Installs the component templates and the index template of the {@code logs-*-*} data
 * streams. Installing is idempotent: the templates carry a version; an indexer overwrites
 * an installed template of its own or an older version, and leaves a newer one alone, so
 * an old replica during a rolling upgrade does not downgrade what a new one installed.
 *
 * <p>
 * Besides {@code logpipe-logs} ({@code logs-*-*}, priority 500, the default retention) it
 * installs one {@code logpipe-logs-tenant-<tenant>} template (priority 600) per
 * {@code indexer.template.retention-by-tenant} entry, and {@code logpipe-log-metrics} for
 * the per-minute counts. A tenant removed from the configuration keeps its template until
 * an operator deletes it ({@code DELETE _index_template/logpipe-logs-tenant-<tenant>}).
 * The retention is enforced by the data stream lifecycle of a full Elasticsearch; the
 * integ-test distribution the tests run accepts {@code lifecycle.data_retention} but has
 * no lifecycle service to apply it. When it runs, and what happens until it succeeds, is
 * {@link TemplateInstallation}'s job.
 *
 * <p>
 * Its bean has a name of its own: {@code indexTemplates} is the readiness component
 * ({@link IndexTemplatesHealth}) that operators and the readiness group already name.
 */
@Component("indexTemplateInstaller")
class IndexTemplates {

	static final String MAPPINGS = "logpipe-logs-mappings";

	static final String SETTINGS = "logpipe-logs-settings";

	static final String INDEX_TEMPLATE = "logpipe-logs";

	static final String TENANT_TEMPLATE_PREFIX = "logpipe-logs-tenant-";

	static final String METRICS_TEMPLATE = "logpipe-log-metrics";

	private final JsonMapper json = JsonMapper.builder().build();

	private static final Logger logger = LoggerFactory.getLogger(IndexTemplates.class);

	private final ElasticsearchClient client;

	private final IndexerProperties.Template template;

	IndexTemplates(ElasticsearchClient client, IndexerProperties properties) {
		this.client = client;
		this.template = properties.template();
	}

	void install() throws IOException {
		putComponentTemplate(MAPPINGS, json("mappings-component.json"));
		putComponentTemplate(SETTINGS, json("settings-component.json"));
		putIndexTemplate(INDEX_TEMPLATE, json("logs-index-template.json"));
		for (Map.Entry<String, String> tenant : this.template.retentionByTenant().entrySet()) {
			putIndexTemplate(TENANT_TEMPLATE_PREFIX + DataStreamNames.part(tenant.getKey()),
					json("logs-tenant-index-template.json")
						.replace("${pattern}", DataStreamNames.tenantLogsPattern(tenant.getKey()))
						.replace("${tenant}", tenant.getKey().replace("\\", "\\\\").replace("\"", "\\\""))
						.replace("${tenantRetention}", tenant.getValue()));
		}
		putIndexTemplate(METRICS_TEMPLATE, json("log-metrics-index-template.json"));
	}

	/**
	 * Puts a component template unless Elasticsearch holds a newer version of it (a newer
	 * indexer already upgraded it during a rolling upgrade: an older one must not
	 * downgrade it). The same version is put again, so changed settings apply.
	 */
	void putComponentTemplate(String name, String json) throws IOException {
		Long installed = installedVersion(() -> this.client.cluster()
			.getComponentTemplate((request) -> request.name(name))
			.componentTemplates()
			.stream()
			.findFirst()
			.map((template) -> template.componentTemplate().version())
			.orElse(null));
		if (isNewer(name, installed, json)) {
			return;
		}
		this.client.cluster().putComponentTemplate((request) -> request.name(name).withJson(new StringReader(json)));
	}

	/** Like {@link #putComponentTemplate}, for an index template. */
	void putIndexTemplate(String name, String json) throws IOException {
		Long installed = installedVersion(() -> this.client.indices()
			.getIndexTemplate((request) -> request.name(name))
			.indexTemplates()
			.stream()
			.findFirst()
			.map((template) -> template.indexTemplate().version())
			.orElse(null));
		if (isNewer(name, installed, json)) {
			return;
		}
		this.client.indices().putIndexTemplate((request) -> request.name(name).withJson(new StringReader(json)));
	}

	private boolean isNewer(String name, Long installed, String json) {
		long ours = this.json.readTree(json).path("version").asLong();
		if (installed != null && installed > ours) {
			logger.info("Keeping template {} at version {}, newer than this indexer's {}", name, installed, ours);
			return true;
		}
		return false;
	}

	private static Long installedVersion(VersionLookup lookup) throws IOException {
		try {
			return lookup.version();
		}
		catch (ElasticsearchException ex) {
			if (ex.status() == 404) {
				return null;
			}
			throw ex;
		}
	}

	@FunctionalInterface
	private interface VersionLookup {

		Long version() throws IOException;

	}

	private String json(String name) throws IOException {
		try (InputStream in = new ClassPathResource("elasticsearch/" + name).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8)
				.replace("${replicas}", Integer.toString(this.template.replicas()))
				.replace("${refreshInterval}", this.template.refreshInterval())
				.replace("${retention}", this.template.retention())
				.replace("${metricsRetention}", this.template.metricsRetention());
		}
	}

}
