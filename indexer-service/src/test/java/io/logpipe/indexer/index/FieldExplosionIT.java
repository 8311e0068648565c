package io.logpipe.indexer.index;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import io.logpipe.indexer.IndexerIntegrationTest;
import io.logpipe.indexer.ElasticsearchQueries;
import io.logpipe.indexer.TestDocuments;
import io.logpipe.testsupport.TestServers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Unbounded field names (a client logging a map keyed by user id) must not grow the
 * mapping: {@code attributes} is one {@code flattened} field, and the root is
 * {@code dynamic: false}.
 */
@IndexerIntegrationTest(properties = { "indexer-it.name=explosion-it" })
class FieldExplosionIT {

	private static final String TOPIC = "explosion-it-parsed";

	private static final String TENANT = "explosionit";

	private static final String STREAM = "logs-api-" + TENANT;

	private final ElasticsearchQueries elasticsearch = new ElasticsearchQueries(TestServers.elasticsearch().uri());

	@Test
	void storesADocumentWithTenThousandDistinctFieldNamesWithoutGrowingTheMapping() {
		ObjectNode small = TestDocuments.document("api", TENANT);
		small.putObject("attributes").put("order", "o-1");
		try (TestDocuments kafka = new TestDocuments()) {
			kafka.send(TOPIC, List.of(small));
			await().atMost(Duration.ofSeconds(90)).until(() -> this.elasticsearch.count(STREAM) == 1);
			int fieldsBefore = this.elasticsearch.mappedFields(STREAM);

			ObjectNode wide = TestDocuments.document("api", TENANT);
			ObjectNode attributes = wide.putObject("attributes");
			for (int i = 0; i < 10_000; i++) {
				attributes.put("user_" + i, "value-" + i);
			}
			// Unknown top-level fields are kept in _source but not mapped either.
			wide.put("unexpected_top_level_field", "kept, not mapped");
			kafka.send(TOPIC, List.of(wide));

			await().atMost(Duration.ofSeconds(90)).until(() -> this.elasticsearch.count(STREAM) == 2);
			assertThat(this.elasticsearch.mappedFields(STREAM)).isEqualTo(fieldsBefore);
			JsonNode hits = this.elasticsearch.search(STREAM, """
					{"query": {"term": {"attributes.user_9999": "value-9999"}}}""").path("hits");
			assertThat(hits.path("total").path("value").asLong()).isEqualTo(1);
			assertThat(hits.path("hits").get(0).path("_id").asString())
				.isEqualTo(wide.get("event").get("id").asString());
		}
	}

}
