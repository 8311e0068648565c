package io.logpipe.indexer.kafka;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.stereotype.Component;

import io.logpipe.indexer.template.IndexTemplatesInstalled;

/**
 * Starts every listener container (they are declared with {@code autoStartup = false})
 * once the index templates are installed, so that no document reaches Elasticsearch
 * before its mappings do.
 */
@Component
class ListenerStartup {

	private static final Logger logger = LoggerFactory.getLogger(ListenerStartup.class);

	private final KafkaListenerEndpointRegistry listeners;

	ListenerStartup(KafkaListenerEndpointRegistry listeners) {
		this.listeners = listeners;
	}

	@EventListener(IndexTemplatesInstalled.class)
	void startIndexing() {
		logger.info("Starting to index");
		this.listeners.getListenerContainers().forEach((container) -> container.start());
	}

}
