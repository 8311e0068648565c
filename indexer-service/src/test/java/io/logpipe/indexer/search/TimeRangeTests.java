package io.logpipe.indexer.search;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import io.logpipe.service.problem.ProblemException;

class TimeRangeTests {

	private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

	private static final Duration DEFAULT = Duration.ofMinutes(15);

	private static final Duration MAX = Duration.ofDays(7);

	@Test
	void withoutBoundsIsTheDefaultRangeEndingNow() {
		assertThat(TimeRange.of(null, "", NOW, DEFAULT, MAX))
			.isEqualTo(new TimeRange(Instant.parse("2026-11-21T09:45:00Z"), NOW));
	}

	@Test
	void readsRelativeAndAbsoluteBounds() {
		assertThat(TimeRange.of("2h", "now", NOW, DEFAULT, MAX).from())
			.isEqualTo(Instant.parse("2026-11-21T08:00:00Z"));
		assertThat(TimeRange.of("30s", null, NOW, DEFAULT, MAX).from())
			.isEqualTo(Instant.parse("2026-11-21T09:59:30Z"));
		assertThat(TimeRange.of("7d", null, NOW, DEFAULT, MAX).from()).isEqualTo(Instant.parse("2026-11-14T10:00:00Z"));
		assertThat(TimeRange.of("2026-11-21T09:00:00Z", "2026-11-21T09:30:00.5Z", NOW, DEFAULT, MAX))
			.isEqualTo(new TimeRange(Instant.parse("2026-11-21T09:00:00Z"), Instant.parse("2026-11-21T09:30:00.5Z")));
	}

	@Test
	void aDefaultRangeEndsAtAnExplicitTo() {
		assertThat(TimeRange.of(null, "1h", NOW, DEFAULT, MAX).from()).isEqualTo(Instant.parse("2026-11-21T08:45:00Z"));
	}

	@Test
	void refusesARangeWiderThanTheMaximum() {
		assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> TimeRange.of("8d", null, NOW, DEFAULT, MAX))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(SearchProblem.RANGE_TOO_WIDE))
			.withMessageContaining("indexer.search.max-range");
	}

	@Test
	void refusesUnreadableAndReversedBounds() {
		assertThatExceptionOfType(ProblemException.class)
			.isThrownBy(() -> TimeRange.of("yesterday", null, NOW, DEFAULT, MAX))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(SearchProblem.INVALID_PARAMETER))
			.withMessageContaining("'from' is 'yesterday'");
		assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> TimeRange.of("now", "1h", NOW, DEFAULT, MAX))
			.withMessageContaining("is after");
	}

}
