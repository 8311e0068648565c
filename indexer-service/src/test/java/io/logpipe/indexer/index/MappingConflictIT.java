package io.logpipe.indexer.index;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import io.logpipe.common.topic.DeadLetterHeaders;
import io.logpipe.indexer.ElasticsearchQueries;
import io.logpipe.indexer.IndexerIntegrationTest;
import io.logpipe.indexer.TestDocuments;
import io.logpipe.testsupport.TestServers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A document whose field does not fit the mapping (an {@code ip} field holding a word)
 * goes to index-dlq with Elasticsearch's error type and reason and its origin, while the
 * rest of its batch lands and indexing goes on. ({@code http.response.status_code: "abc"}
 * would be the same conflict in Elasticsearch, but the indexer's own decoder already
 * rejects it as an invalid document before it reaches a bulk.)
 */
@IndexerIntegrationTest(properties = { "indexer-it.name=conflict-it" })
class MappingConflictIT {

	private static final String TOPIC = "conflict-it-parsed";

	private static final String DLQ = "conflict-it-dlq";

	private static final String TENANT = "conflictit";

	private static final String STREAM = "logs-web-" + TENANT;

	private final ElasticsearchQueries elasticsearch = new ElasticsearchQueries(TestServers.elasticsearch().uri());

	@Test
	void sendsTheConflictingDocumentToTheDeadLetterTopicWithTheElasticsearchReasonWhileTheRestLands() {
		List<ObjectNode> batch = new ArrayList<>(TestDocuments.documents(5, "web", TENANT));
		ObjectNode conflicting = TestDocuments.document("web", TENANT);
		conflicting.putObject("source").put("ip", "not-an-ip-address");
		batch.add(2, conflicting);
		String conflictingId = conflicting.get("event").get("id").asString();
		try (TestDocuments kafka = new TestDocuments()) {
			kafka.send(TOPIC, batch);
		}

		await().atMost(Duration.ofSeconds(90)).until(() -> this.elasticsearch.count(STREAM) == 5);
		ConsumerRecord<String, byte[]> deadLetter = TestDocuments.readOne(DLQ);
		assertThat(TestDocuments.text(deadLetter.value())).contains(conflictingId);
		assertThat(header(deadLetter, DeadLetterHeaders.ERROR_TYPE)).isEqualTo("document_parsing_exception");
		assertThat(header(deadLetter, DeadLetterHeaders.REASON)).startsWith("document_parsing_exception: ")
			.contains("source.ip");
		assertThat(header(deadLetter, DeadLetterHeaders.STAGE)).isEqualTo("index");
		assertThat(header(deadLetter, DeadLetterHeaders.ORIGIN_TOPIC)).isEqualTo(TOPIC);
		assertThat(header(deadLetter, DeadLetterHeaders.ORIGIN_OFFSET)).matches("\\d+");
		assertThat(header(deadLetter, DeadLetterHeaders.TIME)).isNotBlank();

		try (TestDocuments kafka = new TestDocuments()) {
			kafka.send(TOPIC, TestDocuments.documents(1, "web", TENANT));
		}
		await().atMost(Duration.ofSeconds(90)).until(() -> this.elasticsearch.count(STREAM) == 6);
		assertThat(this.elasticsearch.duplicates(STREAM)).isEmpty();
	}

	private static String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

}
