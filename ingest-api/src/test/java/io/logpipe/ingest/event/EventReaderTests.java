package io.logpipe.ingest.event;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.logpipe.common.codec.EventCodec;
import io.logpipe.testsupport.fuzz.Inputs;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The streaming reader against what it replaced: a JSON tree, walked for the limits and
 * converted with Jackson's untyped binding.
 */
class EventReaderTests {

	private static final int MAX_DEPTH = 3;

	private final JsonMapper json = new EventCodec().mapper();

	private final EventReader reader = new EventReader(MAX_DEPTH);

	@ParameterizedTest
	@ValueSource(strings = { "{\"message\":\"hi\",\"n\":7,\"big\":12345678901,\"huge\":123456789012345678901234567890}",
			"{\"ratio\":0.5,\"e\":1e400,\"tiny\":1e-400,\"neg\":-0.0,\"whole\":2.0,\"exp\":1E3}",
			"{\"ok\":true,\"no\":false,\"gone\":null,\"s\":\"\\u00e9\\n\\\"\",\"tags\":[\"a\",1,[],{}]}",
			"{\"a\":{\"b\":1,\"c\":2},\"z\":0,\"a\":3}", "[1,{\"x\":null}]", "\"text\"", "42", "null", "true" })
	void readsValuesAsJacksonsUntypedBindingDoes(String event) {
		assertThat(read(event).value()).isEqualTo(this.json.treeToValue(this.json.readTree(event), Object.class));
	}

	@Test
	void aRepeatedNameKeepsItsFirstPlaceAndLastValueAndOnlyItsLastValueCounts() {
		ParsedEvent event = read("{\"a\":{\"b\":1,\"c\":{\"d\":2}},\"z\":0,\"a\":3}");

		assertThat(event.object()).containsExactly(Map.entry("a", 3), Map.entry("z", 0));
		assertThat(event.fields()).isEqualTo(2);
		assertThat(read("{\"a\":[[[[1]]]],\"a\":1}").tooDeep()).isFalse();
		assertThat(read("{\"a\":1,\"a\":[[[[1]]]]}").tooDeep()).isTrue();
	}

	@Test
	void countsFieldsAndDepthAsTheTreeWalkDid() {
		SplittableRandom random = new SplittableRandom(13);
		for (int i = 0; i < 2000; i++) {
			String value = Inputs.json(random, 6);
			ParsedEvent event = read(value);
			JsonNode tree = this.json.readTree(value);
			boolean tooDeep = tooDeep(tree);
			assertThat(event.tooDeep()).as(value).isEqualTo(tooDeep);
			if (!tooDeep) {
				assertThat(event.fields()).as(value).isEqualTo(fields(tree));
				assertThat(event.value()).as(value).isEqualTo(this.json.treeToValue(tree, Object.class));
			}
		}
	}

	@Test
	void leavesTheParserOnTheEventsLastToken() {
		try (JsonParser parser = this.json.createParser("[{\"a\":[{\"b\":[[[1]]]}]},{\"message\":\"m\"}]")) {
			parser.nextToken();
			parser.nextToken();
			assertThat(this.reader.read(parser).tooDeep()).isTrue();
			parser.nextToken();
			assertThat(this.reader.read(parser).object()).containsExactly(Map.entry("message", "m"));
		}
	}

	private ParsedEvent read(String event) {
		try (JsonParser parser = this.json.createParser(event)) {
			parser.nextToken();
			ParsedEvent read = this.reader.read(parser);
			assertThat(parser.nextToken()).isNull();
			return read;
		}
	}

	private static boolean tooDeep(JsonNode node) {
		return walk(node, true) < 0;
	}

	private static int fields(JsonNode node) {
		return walk(node, false);
	}

	/** The tree walk the limits made before: fields at every level, -1 when too deep. */
	private static int walk(JsonNode event, boolean depthOnly) {
		int fields = 0;
		Deque<JsonNode> nodes = new ArrayDeque<>();
		Deque<Integer> depths = new ArrayDeque<>();
		nodes.push(event);
		depths.push(1);
		while (!nodes.isEmpty()) {
			JsonNode node = nodes.pop();
			int depth = depths.pop();
			if (node.isContainer()) {
				if (depth > MAX_DEPTH) {
					return -1;
				}
				fields += node.isObject() ? node.size() : 0;
				for (JsonNode child : node) {
					nodes.push(child);
					depths.push(depth + 1);
				}
			}
		}
		return depthOnly ? 0 : fields;
	}

}
