package io.logpipe.indexer.template;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
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

/**
 * Installs the component templates and the index template of the {@code logs-*-*} data
 * streams, then starts indexing. Documents must not be written before the template
 * exists, or Elasticsearch would create plain indices with guessed mappings; so the
 * listener starts only after a successful install, which is retried until Elasticsearch
 * accepts it. Until then this health indicator, part of readiness, is DOWN with the
 * reason. Installing is idempotent: the templates carry a version and a newer indexer
 * overwrites an older one's.
 */
@Component("indexTemplates")
public class IndexTemplateInstaller extends AbstractHealthIndicator {

	static final String MAPPINGS = "logpipe-logs-mappings";

	static final String SETTINGS = "logpipe-logs-settings";

	static final String INDEX_TEMPLATE = "logpipe-logs";

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
		StringReader mappings = json("mappings-component.json");
		StringReader settings = json("settings-component.json");
		StringReader indexTemplate = json("logs-index-template.json");
		this.client.cluster().putComponentTemplate((request) -> request.name(MAPPINGS).withJson(mappings));
		this.client.cluster().putComponentTemplate((request) -> request.name(SETTINGS).withJson(settings));
		this.client.indices().putIndexTemplate((request) -> request.name(INDEX_TEMPLATE).withJson(indexTemplate));
	}

	private StringReader json(String name) throws IOException {
		try (InputStream in = new ClassPathResource("elasticsearch/" + name).getInputStream()) {
			String text = new String(in.readAllBytes(), StandardCharsets.UTF_8)
				.replace("${replicas}", Integer.toString(this.template.replicas()))
				.replace("${refreshInterval}", this.template.refreshInterval())
				.replace("${retention}", this.template.retention());
			return new StringReader(text);
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
