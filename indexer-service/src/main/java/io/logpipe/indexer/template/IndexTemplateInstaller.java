package io.logpipe.indexer.template;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.stereotype.Component;

import io.logpipe.indexer.IndexerProperties;
import io.logpipe.indexer.index.DataStreamNames;
import tools.jackson.databind.json.JsonMapper;

/**
 * Installs the component templates and the index template of the {@code logs-*-*} data
 * streams, then starts indexing. Documents must not be written before the template
 * exists, or Elasticsearch would create plain indices with guessed mappings; so the
 * listener starts only after a successful install, which is retried until Elasticsearch
 * accepts it. Until then this health indicator, part of readiness, is DOWN with the
 * reason. Installing is idempotent: the templates carry a version; an indexer overwrites
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
 * no lifecycle service to apply it.
 */
@Component("indexTemplates")
public class IndexTemplateInstaller extends AbstractHealthIndicator {

	static final String MAPPINGS = "logpipe-logs-mappings";

	static final String SETTINGS = "logpipe-logs-settings";

	static final String INDEX_TEMPLATE = "logpipe-logs";

	static final String TENANT_TEMPLATE_PREFIX = "logpipe-logs-tenant-";

	static final String METRICS_TEMPLATE = "logpipe-log-metrics";

	private final JsonMapper json = JsonMapper.builder().build();

	private static final Logger logger = LoggerFactory.getLogger(IndexTemplateInstaller.class);

	private final ElasticsearchClient client;

	private final IndexerProperties.Template template;

	private final KafkaListenerEndpointRegistry listeners;

	private final AtomicReference<String> problem = new AtomicReference<>("not installed yet");

	public IndexTemplateInstaller(ElasticsearchClient client, IndexerProperties properties,
			KafkaListenerEndpointRegistry listeners) {
		this.client = client;
		this.template = properties.template();
		this.listeners = listeners;
	}

	@EventListener(ApplicationReadyEvent.class)
	void installThenStartIndexing() {
		Thread.ofPlatform().name("index-template-installer").daemon().start(this::installUntilDone);
	}

	private void installUntilDone() {
		Duration wait = Duration.ofMillis(500);
		while (!Thread.currentThread().isInterrupted()) {
			try {
				install();
				this.problem.set(null);
				logger.info("Index templates installed; starting to index");
				this.listeners.getListenerContainers().forEach((container) -> container.start());
				return;
			}
			catch (IOException | RuntimeException ex) {
				this.problem.set(ex.getMessage());
				logger.warn("Cannot install the index templates yet, retrying in {} ms: {}", wait.toMillis(),
						ex.getMessage());
			}
			try {
				Thread.sleep(wait);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			wait = (wait.toSeconds() < 15) ? wait.multipliedBy(2) : wait;
		}
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

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		String current = this.problem.get();
		if (current == null) {
			builder.up().withDetail("template", INDEX_TEMPLATE);
		}
		else {
			builder.down().withDetail("reason", current);
		}
	}

}
