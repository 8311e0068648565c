package io.logpipe.indexer.index;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * The bulk body logpipe writes and the answer it reads, on the wire format of the
 * {@code _bulk} API (the integration tests run both against a real node).
 */
class BulkWireFormatTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void writesOneCreateActionLineBeforeEachDocumentsOwnBytes() {
		List<PendingDocument> documents = List.of(document("logs-checkout-acme", "id-1", "{\"message\":\"a\"}"),
				document("logs-checkout-acme", "id-\"2\"", "{\"message\":\"b\\n\"}"));

		String body = new String(BulkBody.of(documents), StandardCharsets.UTF_8);

		assertThat(body).isEqualTo("""
				{"create":{"_index":"logs-checkout-acme","_id":"id-1"}}
				{"message":"a"}
				{"create":{"_index":"logs-checkout-acme","_id":"id-\\"2\\""}}
				{"message":"b\\n"}
				""");
		assertThat(body.lines()).allSatisfy((line) -> assertThat(this.json.readTree(line).isObject()).isTrue());
	}

	@Test
	void readsEachItemsStatusAndErrorInRequestOrder() throws IOException {
		String answer = """
				{"errors":true,"took":3,"items":[
				 {"create":{"_index":".ds-logs-a","_id":"1","_version":1,"result":"created","_shards":{"total":1},"status":201}},
				 {"create":{"_index":".ds-logs-a","_id":"2","status":409,"error":{"type":"version_conflict_engine_exception",
				   "reason":"[2]: version conflict","index":".ds-logs-a","caused_by":{"type":"x","reason":"y"}}}},
				 {"create":{"_index":".ds-logs-a","_id":"3","status":429,"error":{"type":"es_rejected_execution_exception",
				   "reason":"rejected execution"}}},
				 {"create":{"status":400,"error":{"reason":"no type","type":"document_parsing_exception"}}}]}""";

		List<BulkAnswer.Item> items = BulkAnswer.items(this.json,
				new ByteArrayInputStream(answer.getBytes(StandardCharsets.UTF_8)));

		assertThat(items).containsExactly(new BulkAnswer.Item(201, null, null),
				new BulkAnswer.Item(409, "version_conflict_engine_exception", "[2]: version conflict"),
				new BulkAnswer.Item(429, "es_rejected_execution_exception", "rejected execution"),
				new BulkAnswer.Item(400, "document_parsing_exception", "no type"));
	}

	@Test
	void anAnswerWithoutItemsOrNotJsonIsAnError() {
		assertThatIOException().isThrownBy(() -> BulkAnswer.items(this.json, stream("{\"errors\":false}")))
			.withMessageContaining("no items");
		assertThatIOException().isThrownBy(() -> BulkAnswer.items(this.json, stream("<html>")))
			.withMessageContaining("unreadable");
	}

	private static ByteArrayInputStream stream(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}

	private static PendingDocument document(String dataStream, String id, String json) {
		return new PendingDocument(dataStream, id, json.getBytes(StandardCharsets.UTF_8), null,
				new PendingDocument.Origin("t", 0, 0), null);
	}

}
