package io.logpipe.parser.parse.time;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class TimestampResolverTests {

	private static final Instant RECEIVED = Instant.parse("2026-11-21T10:00:00Z");

	private final TimestampResolver resolver = new TimestampResolver(ZoneId.of("UTC"),
			Map.of("berlin-app", ZoneId.of("Europe/Berlin")), List.of("dd.MM.yyyy HH:mm:ss", "yyyyMMddHHmmssZ"),
			Duration.ofMinutes(5));

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			2026-11-21T09:59:58Z                | 2026-11-21T09:59:58Z
			2026-11-21T09:59:58.123456789Z      | 2026-11-21T09:59:58.123456789Z
			2026-11-21T10:59:58+01:00           | 2026-11-21T09:59:58Z
			2026-11-21T10:59:58+0100            | 2026-11-21T09:59:58Z
			2026-11-21 10:59:58.5+01            | 2026-11-21T09:59:58.500Z
			21/Nov/2026:10:59:58 +0100          | 2026-11-21T09:59:58Z
			Sat, 21 Nov 2026 09:59:58 GMT       | 2026-11-21T09:59:58Z
			20261121105958+0100                 | 2026-11-21T09:59:58Z
			""")
	void readsTimestampsWithAZoneWithoutInferringAnything(String text, Instant expected) {
		ResolvedTime time = this.resolver.resolve(text, "svc", RECEIVED);

		assertThat(time.instant()).isEqualTo(expected);
		assertThat(time.inferred()).isEmpty();
		assertThat(time.original()).isNull();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			1795255198          | 2026-11-21T09:59:58Z
			1795255198.25       | 2026-11-21T09:59:58.250Z
			1795255198123       | 2026-11-21T09:59:58.123Z
			1795255198123456    | 2026-11-21T09:59:58.123456Z
			1795255198123456789 | 2026-11-21T09:59:58.123456789Z
			""")
	void readsEpochSecondsMillisMicrosAndNanosByMagnitude(String text, Instant expected) {
		assertThat(this.resolver.resolve(text, "svc", RECEIVED).instant()).isEqualTo(expected);
		assertThat(this.resolver.resolve(new java.math.BigDecimal(text), "svc", RECEIVED).instant())
			.isEqualTo(expected);
	}

	@Test
	void readsEpochMillisAsALong() {
		assertThat(this.resolver.resolve(1_795_255_198_000L, "svc", RECEIVED).instant())
			.isEqualTo(Instant.parse("2026-11-21T09:59:58Z"));
	}

	@Test
	void assumesTheServicesZoneForATimestampWithoutOneAndSaysSo() {
		ResolvedTime time = this.resolver.resolve("2026-11-21T10:59:58", "berlin-app", RECEIVED);

		assertThat(time.instant()).isEqualTo(Instant.parse("2026-11-21T09:59:58Z"));
		assertThat(time.inferred()).containsExactly(ResolvedTime.INFERRED_ZONE);
		assertThat(time.original()).isEqualTo("2026-11-21T10:59:58");
	}

	@Test
	void assumesTheDefaultZoneForOtherServices() {
		assertThat(this.resolver.resolve("2026-11-21 09:59:58", "other", RECEIVED).instant())
			.isEqualTo(Instant.parse("2026-11-21T09:59:58Z"));
	}

	@Test
	void givesAnRfc3164TimestampTheCurrentYearWhenThatIsNotInTheFuture() {
		ResolvedTime time = this.resolver.resolve("Nov 21 09:59:58", "svc", RECEIVED);

		assertThat(time.instant()).isEqualTo(Instant.parse("2026-11-21T09:59:58Z"));
		assertThat(time.inferred()).containsExactly(ResolvedTime.INFERRED_YEAR, ResolvedTime.INFERRED_ZONE);
		assertThat(time.original()).isEqualTo("Nov 21 09:59:58");
	}

	@Test
	void givesAnRfc3164TimestampLastYearWhenThisYearWouldBeInTheFuture() {
		assertThat(this.resolver.resolve("Dec 31 23:59:59", "svc", Instant.parse("2027-01-01T00:00:05Z")).instant())
			.isEqualTo(Instant.parse("2026-12-31T23:59:59Z"));
		assertThat(this.resolver.resolve("Nov 21 10:00:30", "svc", RECEIVED).instant())
			.isEqualTo(Instant.parse("2025-11-21T10:00:30Z"));
	}

	@Test
	void readsSingleDigitRfc3164DaysPaddedWithASpace() {
		assertThat(this.resolver.resolve("Nov  1 09:59:58", "svc", RECEIVED).instant())
			.isEqualTo(Instant.parse("2026-11-01T09:59:58Z"));
	}

	@Test
	void takesTheTwentyNinthOfFebruaryBackToTheLastLeapYear() {
		assertThat(this.resolver.resolve("Feb 29 12:00:00", "svc", RECEIVED).instant())
			.isEqualTo(Instant.parse("2024-02-29T12:00:00Z"));
	}

	@Test
	void readsConfiguredPatterns() {
		ResolvedTime time = this.resolver.resolve("21.11.2026 09:59:58", "svc", RECEIVED);

		assertThat(time.instant()).isEqualTo(Instant.parse("2026-11-21T09:59:58Z"));
		assertThat(time.inferred()).containsExactly(ResolvedTime.INFERRED_ZONE);
	}

	@Test
	void clampsATimeTooFarInTheFutureToTheTimeOfReceiptAndKeepsTheOriginal() {
		ResolvedTime time = this.resolver.resolve("2026-11-21T10:06:00Z", "svc", RECEIVED);

		assertThat(time.clamped()).isTrue();
		assertThat(time.instant()).isEqualTo(RECEIVED);
		assertThat(time.original()).isEqualTo("2026-11-21T10:06:00Z");
	}

	@Test
	void acceptsATimeSlightlyInTheFutureWithinTheAllowedSkew() {
		ResolvedTime time = this.resolver.resolve("2026-11-21T10:04:00Z", "svc", RECEIVED);

		assertThat(time.clamped()).isFalse();
		assertThat(time.instant()).isEqualTo(Instant.parse("2026-11-21T10:04:00Z"));
	}

	@Test
	void usesTheTimeOfReceiptWhenThereIsNoReadableTimestamp() {
		assertThat(this.resolver.resolve(null, "svc", RECEIVED).inferred())
			.containsExactly(ResolvedTime.INFERRED_TIMESTAMP);
		ResolvedTime unreadable = this.resolver.resolve("yesterday", "svc", RECEIVED);
		assertThat(unreadable.instant()).isEqualTo(RECEIVED);
		assertThat(unreadable.inferred()).containsExactly(ResolvedTime.INFERRED_TIMESTAMP);
		assertThat(unreadable.original()).isEqualTo("yesterday");
	}

}
