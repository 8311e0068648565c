package io.logpipe.indexer.index;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;

import io.logpipe.indexer.ElasticsearchQueries;
import io.logpipe.indexer.IndexerIntegrationTest;
import io.logpipe.indexer.TestDocuments;
import io.logpipe.testsupport.TestServers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Elasticsearch refuses a whole bulk request with a 4xx: here its in-flight requests
 * circuit breaker, lowered to 16 KB, answers 429 {@code circuit_breaking_exception} to
 * every bulk bigger than that. The low-level client hands a 4xx back as an answer, not an
 * exception; the indexer must still see the refusal, say why in readiness, store nothing
 * twice and lose nothing once the breaker allows the bulk again.
 */
@IndexerIntegrationTest(properties = { "indexer-it.name=whole-bulk-it", "indexer.retry.batch-max-back-off=1s" })
class WholeBulkRejectedIT {

	private static final String TOPIC = "whole-bulk-it-parsed";

	private static final String TENANT = "wholebulkit";

	private static final String STREAM = "logs-shop-" + TENANT;

	private final ElasticsearchQueries elasticsearch = new ElasticsearchQueries(TestServers.elasticsearch().uri());

	@Autowired
	private IndexingHealth health;

	@Test
	void aBulkRefusedAsAWholeWith429IsHeldWithItsReasonAndStoredOnceWhenAllowed() {
		try (TestDocuments kafka = new TestDocuments()) {
			kafka.send(TOPIC, List.of(TestDocuments.document("shop", TENANT)));
			await().atMost(Duration.ofSeconds(90)).until(() -> this.elasticsearch.count(STREAM) == 1);

			breakerLimit("\"16kb\"");
			try {
				List<ObjectNode> documents = TestDocuments.documents(200, "shop", TENANT);
				kafka.send(TOPIC, documents);
				await().atMost(Duration.ofSeconds(90))
					.untilAsserted(() -> assertThat(this.health.health().getStatus()).isEqualTo(Status.DOWN));
				assertThat(this.health.health().getDetails().get("reason").toString()).contains("429")
					.contains("circuit_breaking_exception");
				assertThat(this.elasticsearch.count(STREAM)).isEqualTo(1);
			}
			finally {
				breakerLimit("null");
			}

			await().atMost(Duration.ofSeconds(90)).until(() -> this.elasticsearch.count(STREAM) == 201);
			assertThat(this.elasticsearch.duplicates(STREAM)).isEmpty();
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(this.health.health().getStatus()).isEqualTo(Status.UP));
		}
	}

	/** Small requests such as this one stay under 16 KB, so the limit can be lifted. */
	private void breakerLimit(String limit) {
		this.elasticsearch.call("PUT", "/_cluster/settings", """
				{"persistent": {"network.breaker.inflight_requests.limit": %s}}""".formatted(limit));
	}

}
