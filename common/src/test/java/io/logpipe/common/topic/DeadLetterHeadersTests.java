package io.logpipe.common.topic;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterHeadersTests {

	@Test
	void writesEveryHeaderAsUtf8TextUnderTheLogpipeDlqNames() {
		DeadLetterHeaders deadLetter = new DeadLetterHeaders("invalid-envelope: not json",
				DeadLetterHeaders.STAGE_PARSE, "app-logs", 2, 41L, "invalid-envelope",
				Instant.parse("2026-11-21T10:15:30Z"));
		Map<String, String> written = new LinkedHashMap<>();

		deadLetter.addTo((name, value) -> written.put(name, new String(value, StandardCharsets.UTF_8)));

		assertThat(written).containsExactly(Map.entry("logpipe-dlq-reason", "invalid-envelope: not json"),
				Map.entry("logpipe-dlq-stage", "parse"), Map.entry("logpipe-dlq-origin-topic", "app-logs"),
				Map.entry("logpipe-dlq-origin-partition", "2"), Map.entry("logpipe-dlq-origin-offset", "41"),
				Map.entry("logpipe-dlq-error-type", "invalid-envelope"),
				Map.entry("logpipe-dlq-time", "2026-11-21T10:15:30Z"));
	}

	@Test
	void writesAMissingErrorTypeEmpty() {
		DeadLetterHeaders deadLetter = new DeadLetterHeaders("why", DeadLetterHeaders.STAGE_INDEX, "parsed-logs", 0, 0L,
				null, Instant.EPOCH);

		assertThat(deadLetter.values().get(DeadLetterHeaders.ERROR_TYPE)).isEmpty();
	}

}
