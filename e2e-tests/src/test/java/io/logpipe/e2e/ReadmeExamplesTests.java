package io.logpipe.e2e;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.logpipe.e2e.AnswerShape.Answer;
import io.logpipe.e2e.ReadmeExamples.Example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

class ReadmeExamplesTests {

	private static final String FENCE = "```";

	@Test
	void takesCurlBlocksOnLocalPortsWithTheAnswerRightAfterThem() {
		String readme = String.join("\n", "intro", FENCE + "sh", "deploy/local/logpipe up", FENCE, "text", FENCE + "sh",
				"curl -s http://127.0.0.1:8080/api/v1/logs -d '{}'", FENCE, FENCE + "json", "{\"accepted\":1}", FENCE,
				FENCE + "sh", "curl -s https://example.org/", FENCE, FENCE + "sh",
				"curl -s http://127.0.0.1:9200/_search", FENCE, "an answer further down is not its answer:",
				FENCE + "json", "{}", FENCE);

		List<Example> examples = ReadmeExamples.of(readme);

		assertThat(examples).extracting(Example::line, Example::answer, Example::runs)
			.containsExactly(tuple(6, "{\"accepted\":1}", true), tuple(15, null, true));
	}

	@Test
	void anExampleOptsOutWithAReason() {
		String readme = String.join("\n", "<!-- readme-test: skip: needs a token set before start -->", FENCE + "sh",
				"curl -s http://127.0.0.1:8082/admin/replay", FENCE);

		assertThat(ReadmeExamples.of(readme)).singleElement()
			.extracting(Example::skipReason)
			.isEqualTo("needs a token set before start");
	}

	@Test
	void anOptOutWithoutAReasonIsAnError() {
		String readme = String.join("\n", "<!-- readme-test: skip -->", FENCE + "sh", "curl -s http://127.0.0.1:8080/",
				FENCE);

		assertThatIllegalArgumentException().isThrownBy(() -> ReadmeExamples.of(readme))
			.withMessageContaining("line 1");
	}

	@Test
	void idsTimesAndIndexDatesMayDifferButNotMembersTextsOrCounts() {
		Answer shown = Answer.parse("{\"accepted\":1,\"ids\":[\"01a20086-4829-7a5d-a89a-344c8846ea9d\"],"
				+ "\"at\":\"2026-11-22T00:52:21.083675375Z\",\"index\":\".ds-logs-a-default-2026.11.22-000001\"}");

		assertThat(AnswerShape.differences(shown,
				Answer.parse("{\"ids\":[\"7abaecf8-7a23-54b4-97f3-8e8449d68288\"],\"accepted\":1,"
						+ "\"at\":\"2026-12-01T15:00:00Z\",\"index\":\".ds-logs-a-default-2026.12.01-000001\"}")))
			.isEmpty();
		assertThat(AnswerShape.differences(shown,
				Answer.parse("{\"accepted\":2,\"ids\":[\"7abaecf8-7a23-54b4-97f3-8e8449d68288\"],"
						+ "\"at\":\"2026-12-01T15:00:00Z\",\"index\":\".ds-logs-b-default-2026.12.01-000001\"}")))
			.containsExactlyInAnyOrder("answer 1.accepted: 2 instead of 1",
					"answer 1.index: \".ds-logs-b-default-2026.12.01-000001\" instead of \".ds-logs-a-default-2026.11.22-000001\"");
		assertThat(AnswerShape.differences(shown, Answer.parse("{\"accepted\":1,\"ids\":[]}")))
			.contains("answer 1.ids: 0 elements instead of 1");
	}

	@Test
	void statusAndShownHeadersMustMatchExceptNumericValues() {
		Answer shown = Answer
			.parse("HTTP/1.1 429\nRetry-After: 30\nContent-Type: application/problem+json\n\n{\"status\":429}");

		assertThat(AnswerShape.differences(shown, Answer.parse(
				"HTTP/1.1 429 \r\nretry-after: 29\r\nContent-Type: application/problem+json\r\nDate: x\r\n\r\n{\"status\":429}")))
			.isEmpty();
		assertThat(AnswerShape.differences(shown,
				Answer.parse("HTTP/1.1 202 \r\nContent-Type: application/json\r\n\r\n{\"status\":429}")))
			.containsExactlyInAnyOrder("status 202 instead of 429", "no header Retry-After",
					"header Content-Type: application/json instead of application/problem+json");
	}

	@Test
	void aSecondAnswerThatTheReadmeDoesNotShowIsADifference() {
		assertThat(AnswerShape.differences(Answer.parse("{\"accepted\":1}"),
				Answer.parse("{\"accepted\":1}{\"accepted\":1}")))
			.containsExactly("2 JSON answers instead of 1");
	}

}
