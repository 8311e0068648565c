package io.logpipe.indexer.template;

import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Part of readiness: DOWN, with the reason of the last failed attempt, until the index
 * templates are installed (indexing does not start before), UP from then on.
 */
@Component("indexTemplates")
class IndexTemplatesHealth extends AbstractHealthIndicator {

	private final AtomicReference<String> problem = new AtomicReference<>("not installed yet");

	void failed(String reason) {
		this.problem.set(reason);
	}

	void installed() {
		this.problem.set(null);
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		String current = this.problem.get();
		if (current == null) {
			builder.up().withDetail("template", IndexTemplates.INDEX_TEMPLATE);
		}
		else {
			builder.down().withDetail("reason", current);
		}
	}

}
