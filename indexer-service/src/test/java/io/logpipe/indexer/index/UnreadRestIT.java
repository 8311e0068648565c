package io.logpipe.indexer.index;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.logpipe.common.id.EventIds;
import io.logpipe.common.topic.DeadLetterHeaders;
import io.logpipe.indexer.ElasticsearchQueries;
import io.logpipe.indexer.IndexerIntegrationTest;
import io.logpipe.indexer.TestDocuments;
import io.logpipe.testsupport.TestServers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The indexer reads a document only up to its last routing member ({@link DocumentKeys});
 * a flaw after it is Elasticsearch's to find. This shows that Elasticsearch does: a
 * malformed rest, a second value on the same line, or a line feed before a forged action
 * line each end in index-dlq, never in a stored document or a misaligned bulk, and the
 * rest of the batch lands.
 */
@IndexerIntegrationTest(properties = { "indexer-it.name=unread-rest-it" })
class UnreadRestIT {

	private static final String TOPIC = "unread-rest-it-parsed";

	private static final String DLQ = "unread-rest-it-dlq";

	private static final String TENANT = "unreadrestit";

	private static final String STREAM = "logs-web-" + TENANT;

	private final ElasticsearchQueries elasticsearch = new ElasticsearchQueries(TestServers.elasticsearch().uri());

	@Test
	void aFlawAfterTheRoutingMembersIsRejectedByElasticsearchAndDeadLettered() {
		List<String> flawed = List.of(routed("\"attributes\":{\"a\":[1,}}"), routed("\"message\":\"m\"}{\"x\":1}"),
				routed("\"message\":\"m\"}\n{\"create\":{\"_index\":\"" + STREAM + "\"}}\n{\"message\":\"forged\"}"));
		try (TestDocuments kafka = new TestDocuments()) {
			for (String document : flawed) {
				kafka.sendBytes(TOPIC, "web", document.getBytes(StandardCharsets.UTF_8));
			}
			kafka.send(TOPIC, TestDocuments.documents(3, "web", TENANT));
		}

		List<ConsumerRecord<String, byte[]>> deadLetters = TestDocuments.read(DLQ, flawed.size());
		await().atMost(Duration.ofSeconds(90)).until(() -> this.elasticsearch.count(STREAM) == 3);
		assertThat(deadLetters).hasSize(flawed.size());
		assertThat(flawed).allSatisfy((document) -> assertThat(deadLetters)
			.anySatisfy((record) -> assertThat(TestDocuments.text(record.value())).contains(id(document))));
		assertThat(deadLetters)
			.allSatisfy((record) -> assertThat(header(record, DeadLetterHeaders.STAGE)).isEqualTo("index"));
		assertThat(deadLetters).extracting((record) -> header(record, DeadLetterHeaders.ERROR_TYPE))
			.as("the line feed is found by the indexer, the malformed rest and the second value by Elasticsearch")
			.containsExactlyInAnyOrder("invalid_document", "document_parsing_exception", "illegal_argument_exception");
		assertThat(this.elasticsearch.count(STREAM)).isEqualTo(3);
	}

	private static String id(String document) {
		int start = document.indexOf("\"id\":\"") + 6;
		return document.substring(start, document.indexOf('"', start));
	}

	/** A document whose routing members are whole, followed by {@code rest}. */
	private static String routed(String rest) {
		return "{\"@timestamp\":\"" + Instant.now() + "\",\"event\":{\"id\":\"" + EventIds.newId()
				+ "\"},\"service\":{\"name\":\"web\"},\"organization\":{\"id\":\"" + TENANT + "\"}," + rest;
	}

	private static String header(ConsumerRecord<?, ?> record, String name) {
		var header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

}
