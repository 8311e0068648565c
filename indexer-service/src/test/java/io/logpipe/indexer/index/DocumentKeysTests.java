package io.logpipe.indexer.index;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.logpipe.common.codec.EventCodec;
import io.logpipe.common.codec.EventDecodingException;
import io.logpipe.common.event.LogDocument;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DocumentKeysTests {

	private final EventCodec codec = new EventCodec();

	@Test
	void readsTheRoutingFieldsOfADocumentAsTheParserEncodesIt() {
		Instant created = Instant.parse("2026-11-22T01:36:40.090355087Z");
		LogDocument document = LogDocument.builder()
			.timestamp(Instant.parse("2026-11-22T01:36:40Z"))
			.message("GET /orders 200")
			.event(new LogDocument.Event("0195f0a0-0000-7000-8000-000000000001", null, created, null, "raw line"))
			.service(new LogDocument.Service("checkout", "prod", "1.2.3"))
			.organization(new LogDocument.Organization("acme"))
			.labels(Map.of("id", "not-the-event-id"))
			.attributes(Map.of("service", Map.of("name", "nested-is-not-the-service"), "list", List.of(1, "x")))
			.build();

		DocumentKeys keys = DocumentKeys.read(this.codec.mapper(), this.codec.encode(document));

		assertThat(keys).usingRecursiveComparison()
			.ignoringFields("eventObject")
			.isEqualTo(new DocumentKeys("0195f0a0-0000-7000-8000-000000000001", "checkout", "acme", created, 0, false));
	}

	@Test
	void leavesOutWhatIsMissingOrUnreadableButNotNeeded() {
		DocumentKeys keys = read("""
				{"@timestamp":"2026-11-22T01:36:40Z","event":{"id":"e1","created":"yesterday"},"service":"flat"}""");

		assertThat(keys).usingRecursiveComparison()
			.ignoringFields("eventObject")
			.isEqualTo(new DocumentKeys("e1", null, null, null, 0, false));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "[]", "\"text\"", "{\"@timestamp\":\"2026-11-22T01:36:40Z\"}",
			"{\"event\":{\"id\":\"e1\"}}", "{\"@timestamp\":{\"nested\":1},\"event\":{\"id\":\"e1\"}}",
			"{\"@timestamp\":\"2026-11-22T01:36:40Z\",\"event\":{\"id\":\"e1\"}",
			"{\"@timestamp\":\"t\",\"event\":{\"id\":\"e1\"}} {}",
			"{\"@timestamp\":\"t\",\"event\":{\"id\":\"e1\"},\"attributes\":{\"a\":[1,}}" })
	void rejectsAnythingThatIsNotOneObjectWithAnIdAndATimestamp(String json) {
		assertThatExceptionOfType(EventDecodingException.class).isThrownBy(() -> read(json));
	}

	@Test
	void setsEventIngestedWithoutChangingAnythingElse() {
		Instant now = Instant.parse("2026-12-01T14:00:00.123Z");
		String json = """
				{"@timestamp":"2026-11-22T01:36:40Z","attributes":{"event":{"x":1}},"event":{"id":"e1","created":"2026-11-22T01:36:41Z"},"message":"m"}""";

		JsonNode stamped = this.codec.mapper()
			.readTree(read(json).withIngested(json.getBytes(StandardCharsets.UTF_8), DocumentKeys.ingestedText(now)));

		assertThat(stamped.at("/event/ingested").asString()).isEqualTo("2026-12-01T14:00:00.123Z");
		assertThat(stamped.at("/event/id").asString()).isEqualTo("e1");
		assertThat(stamped.at("/event/created").asString()).isEqualTo("2026-11-22T01:36:41Z");
		assertThat(stamped.at("/attributes/event").has("ingested")).as("only the top-level event").isFalse();
		assertThat(stamped.get("message").asString()).isEqualTo("m");
	}

	@Test
	void keepsTheIngestedTimeAnOlderParserWrote() {
		String json = """
				{"@timestamp":"2026-11-22T01:36:40Z","event":{"id":"e1","ingested":"2026-11-22T01:36:42Z"}}""";
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);

		assertThat(read(json).withIngested(bytes, DocumentKeys.ingestedText(Instant.now()))).isSameAs(bytes);
	}

	@Test
	void stopsAtTheLastRoutingMemberAndLeavesTheRestToElasticsearch() {
		// The parser writes the routing members first; what follows is not read, so a
		// flaw there is Elasticsearch's to reject (as an item of the bulk,
		// dead-lettered).
		DocumentKeys keys = read("""
				{"@timestamp":"t","event":{"id":"e1","original":"raw"},"service":{"name":"checkout"},\
				"organization":{"id":"acme"},"attributes":{"a":[1,}}""");

		assertThat(keys.id()).isEqualTo("e1");
		assertThat(keys.serviceName()).isEqualTo("checkout");
		assertThat(keys.tenant()).isEqualTo("acme");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"@timestamp\":\"t\",\"event\":{\"id\":\"e1\"},\"service\":{},\"organization\":{}}\n{}",
			"{\"@timestamp\":\"t\",\"event\":{\"id\":\"e1\"},\"service\":{},\"organization\":{},\n\"a\":[1,}" })
	void readsADocumentWithALineFeedWholeSinceALineFeedWouldEndItsBulkLine(String json) {
		assertThatExceptionOfType(EventDecodingException.class).isThrownBy(() -> read(json));
	}

	@Test
	void sendsAWellFormedDocumentWithLineFeedsAsOneLine() {
		String json = """
				{
				  "@timestamp": "2026-11-22T01:36:40Z",
				  "event": {"id": "e1"}, "service": {"name": "checkout"}, "organization": {"id": "acme"},
				  "message": "line one\\nline two"
				}""";

		byte[] sent = read(json).withIngested(json.getBytes(StandardCharsets.UTF_8),
				DocumentKeys.ingestedText(Instant.parse("2026-12-01T14:00:00Z")));

		assertThat(new String(sent, StandardCharsets.UTF_8)).doesNotContain("\n");
		JsonNode document = this.codec.mapper().readTree(sent);
		assertThat(document.get("message").asString()).isEqualTo("line one\nline two");
		assertThat(document.at("/event/ingested").asString()).isEqualTo("2026-12-01T14:00:00Z");
	}

	private DocumentKeys read(String json) {
		return DocumentKeys.read(this.codec.mapper(), json.getBytes(StandardCharsets.UTF_8));
	}

}
