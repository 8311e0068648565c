package io.logpipe.indexer.template;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

import io.logpipe.indexer.IndexerProperties;

/**
 * Installs the index templates once the application is ready, on a thread of its own,
 * retrying with back-off ({@code indexer.template.install-*-back-off}) until
 * Elasticsearch accepts them, then publishes {@link IndexTemplatesInstalled}. Documents
 * must not be written before the templates exist, or Elasticsearch would create plain
 * indices with guessed mappings; until then {@link IndexTemplatesHealth} keeps readiness
 * DOWN with the reason.
 */
@Component
class TemplateInstallation {

	private static final Logger logger = LoggerFactory.getLogger(TemplateInstallation.class);

	private final IndexTemplates templates;

	private final IndexTemplatesHealth health;

	private final ApplicationEventPublisher events;

	private final ExponentialBackOff backOff;

	TemplateInstallation(IndexTemplates templates, IndexTemplatesHealth health, ApplicationEventPublisher events,
			IndexerProperties properties) {
		this.templates = templates;
		this.health = health;
		this.events = events;
		this.backOff = properties.template().installBackOff();
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		Thread.ofPlatform().name("index-template-installer").daemon().start(this::installUntilDone);
	}

	private void installUntilDone() {
		BackOffExecution waits = this.backOff.start();
		while (!Thread.currentThread().isInterrupted()) {
			try {
				this.templates.install();
				this.health.installed();
				logger.info("Index templates installed");
				this.events.publishEvent(new IndexTemplatesInstalled());
				return;
			}
			catch (IOException | RuntimeException ex) {
				this.health.failed(ex.getMessage());
				long wait = waits.nextBackOff();
				logger.warn("Cannot install the index templates yet, retrying in {} ms: {}", wait, ex.getMessage());
				try {
					Thread.sleep(wait);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
				}
			}
		}
	}

}
