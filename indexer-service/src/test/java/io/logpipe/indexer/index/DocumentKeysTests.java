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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DocumentKeysTests {

	private final EventCodec codec = new EventCodec();

	@Test
	void readsTheRoutingFieldsOfADocumentAsTheParserEncodesIt() {
		Instant ingested = Instant.parse("2026-11-22T01:36:40.090355087Z");
		LogDocument document = LogDocument.builder()
			.timestamp(Instant.parse("2026-11-22T01:36:40Z"))
			.message("GET /orders 200")
			.event(new LogDocument.Event("0195f0a0-0000-7000-8000-000000000001", ingested, null, null, "raw line"))
			.service(new LogDocument.Service("checkout", "prod", "1.2.3"))
			.organization(new LogDocument.Organization("acme"))
			.labels(Map.of("id", "not-the-event-id"))
			.attributes(Map.of("service", Map.of("name", "nested-is-not-the-service"), "list", List.of(1, "x")))
			.build();

		DocumentKeys keys = DocumentKeys.read(this.codec.mapper(), this.codec.encode(document));

		assertThat(keys)
			.isEqualTo(new DocumentKeys("0195f0a0-0000-7000-8000-000000000001", "checkout", "acme", ingested));
	}

	@Test
	void leavesOutWhatIsMissingOrUnreadableButNotNeeded() {
		DocumentKeys keys = read("""
				{"@timestamp":"2026-11-22T01:36:40Z","event":{"id":"e1","ingested":"yesterday"},"service":"flat"}""");

		assertThat(keys).isEqualTo(new DocumentKeys("e1", null, null, null));
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

	private DocumentKeys read(String json) {
		return DocumentKeys.read(this.codec.mapper(), json.getBytes(StandardCharsets.UTF_8));
	}

}
