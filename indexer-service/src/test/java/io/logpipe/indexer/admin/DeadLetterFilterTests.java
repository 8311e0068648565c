package io.logpipe.indexer.admin;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.logpipe.common.topic.DeadLetterHeaders;
import io.logpipe.service.problem.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DeadLetterFilterTests {

	private static final Instant TEN = Instant.parse("2026-12-01T10:00:00Z");

	@Test
	void anEmptyBodyTakesEveryDeadLetter() {
		DeadLetterFilter filter = DeadLetterFilter.of(Map.of());

		assertThat(filter.matches(deadLetter("parse", "format-mismatch", "parse-failure: format-mismatch: x", TEN)))
			.isTrue();
		assertThat(filter.matches(deadLetter("index", "document_parsing_exception", "x", TEN))).isTrue();
		assertThat(DeadLetterFilter.dryRun(Map.of())).isFalse();
	}

	@Test
	void takesTheStageAskedFor() {
		DeadLetterFilter filter = DeadLetterFilter.of(Map.of("stage", "index"));

		assertThat(filter.matches(deadLetter("index", "document_parsing_exception", "x", TEN))).isTrue();
		assertThat(filter.matches(deadLetter("parse", "format-mismatch", "x", TEN))).isFalse();
	}

	@Test
	void takesTheReasonByErrorTypeOrByTheReasonsFirstWordIgnoringCase() {
		DeadLetterFilter byType = DeadLetterFilter.of(Map.of("reason", "Format-Mismatch"));
		DeadLetterFilter byWord = DeadLetterFilter.of(Map.of("reason", "rolled-back"));

		assertThat(byType.matches(deadLetter("parse", "format-mismatch", "parse-failure: format-mismatch: x", TEN)))
			.isTrue();
		assertThat(byType.matches(deadLetter("parse", "unknown-format", "parse-failure: unknown-format: x", TEN)))
			.isFalse();
		assertThat(byWord.matches(deadLetter("parse", "java.lang.IllegalStateException",
				"rolled-back: IllegalStateException: boom", TEN)))
			.isTrue();
		// The first word only, not any word of the text.
		assertThat(byWord.matches(deadLetter("parse", "x", "parse-failure: rolled-back: x", TEN))).isFalse();
	}

	@Test
	void takesFromInclusiveAndToExclusive() {
		DeadLetterFilter filter = DeadLetterFilter
			.of(Map.of("from", "2026-12-01T10:00:00Z", "to", "2026-12-01T12:00:00+01:00"));
		Instant eleven = Instant.parse("2026-12-01T11:00:00Z");

		assertThat(filter.to()).isEqualTo(eleven);
		assertThat(filter.matches(deadLetter("index", "e", "e", TEN))).isTrue();
		assertThat(filter.matches(deadLetter("index", "e", "e", TEN.minusMillis(1)))).isFalse();
		assertThat(filter.matches(deadLetter("index", "e", "e", eleven.minusMillis(1)))).isTrue();
		assertThat(filter.matches(deadLetter("index", "e", "e", eleven))).isFalse();
	}

	@Test
	void readsDryRun() {
		assertThat(DeadLetterFilter.dryRun(Map.of("dry_run", true))).isTrue();
		assertThat(DeadLetterFilter.dryRun(Map.of("dry_run", false))).isFalse();
		assertInvalid(Map.of("dry_run", "yes"), "dry_run must be true or false");
	}

	@Test
	void rejectsAnUnknownStage() {
		assertInvalid(Map.of("stage", "ship"), "stage must be \"parse\" or \"index\", was \"ship\"");
	}

	@Test
	void rejectsFromAfterTo() {
		assertInvalid(Map.of("from", "2026-12-02T00:00:00Z", "to", "2026-12-01T00:00:00Z"),
				"from (2026-12-02T00:00:00Z) is after to (2026-12-01T00:00:00Z)");
	}

	@Test
	void rejectsAMalformedTimeNamingTheField() {
		assertInvalid(Map.of("to", "yesterday"), "to must be an ISO-8601 instant");
		assertInvalid(Map.of("from", 1764583200), "from must be a string");
	}

	@Test
	void rejectsAnUnknownFieldRatherThanReplayingEverything() {
		assertInvalid(Map.of("stgae", "parse"), "unknown field 'stgae'");
	}

	@Test
	void rejectsABlankOrOverlongReasonAndEchoesNoLongValue() {
		assertInvalid(Map.of("reason", " "), "reason must be");
		assertInvalid(Map.of("reason", "r".repeat(201)), "reason must be");
		Map<String, Object> body = new HashMap<>();
		body.put("stage", "s".repeat(10_000));
		assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> DeadLetterFilter.of(body))
			.satisfies((ex) -> assertThat(ex.getMessage()).hasSizeLessThan(600));
	}

	private static void assertInvalid(Map<String, Object> body, String detail) {
		assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> {
			DeadLetterFilter.of(body);
			DeadLetterFilter.dryRun(body);
		})
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(AdminProblem.INVALID_REPLAY))
			.withMessageContaining(detail);
	}

	static DeadLetter deadLetter(String stage, String errorType, String reason, Instant time) {
		ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("logs-dlq", 0, 7, "key",
				"value".getBytes(StandardCharsets.UTF_8));
		new DeadLetterHeaders(reason, stage, "app-logs", 1, 42, errorType, time).addTo(record.headers()::add);
		return DeadLetter.of(record);
	}

}
