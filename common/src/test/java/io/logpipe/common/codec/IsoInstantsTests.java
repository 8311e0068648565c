package io.logpipe.common.codec;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.logpipe.common.event.RawLogRecord;

import static org.assertj.core.api.Assertions.assertThat;

class IsoInstantsTests {

	private static final long YEAR_0 = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();

	private static final long YEAR_9999_END = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();

	@Test
	void writesWhatInstantToStringWritesAndReadsItBack() {
		SplittableRandom random = new SplittableRandom(42);
		for (int i = 0; i < 200_000; i++) {
			long second = random.nextLong(YEAR_0 - 86_400, YEAR_9999_END + 86_400);
			int nanos = switch (i % 4) {
				case 0 -> 0;
				case 1 -> random.nextInt(1_000) * 1_000_000;
				case 2 -> random.nextInt(1_000_000) * 1_000;
				default -> random.nextInt(1_000_000_000);
			};
			Instant instant = Instant.ofEpochSecond(second, nanos);

			String text = IsoInstants.format(instant);

			assertThat(text).isEqualTo(instant.toString());
			if (second >= YEAR_0 && second <= YEAR_9999_END) {
				assertThat(IsoInstants.parse(text)).isEqualTo(instant);
			}
		}
	}

	@Test
	void readsFractionsOfAnyLengthUpToNanoseconds() {
		assertThat(IsoInstants.parse("2026-11-22T01:36:40.5Z")).isEqualTo(Instant.parse("2026-11-22T01:36:40.5Z"));
		assertThat(IsoInstants.parse("2026-11-22T01:36:40.0903550Z"))
			.isEqualTo(Instant.parse("2026-11-22T01:36:40.090355Z"));
		assertThat(IsoInstants.parse("2024-02-29T23:59:59.999999999Z"))
			.isEqualTo(Instant.parse("2024-02-29T23:59:59.999999999Z"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "2026-11-22T01:36:40+01:00", "2026-11-22T01:36:40z", "2026-11-22 01:36:40Z",
			"2026-02-30T00:00:00Z", "2026-13-01T00:00:00Z", "2026-11-22T24:00:00Z", "2016-12-31T23:59:60Z",
			"2026-11-22T01:36:40.1234567891Z", "2026-11-22T01:36:40.Z", "+12026-11-22T01:36:40Z", "2026-11-22",
			"2026-11-2xT01:36:40Z" })
	void leavesEveryOtherFormToTheFullParser(String text) {
		assertThat(IsoInstants.parse(text)).isNull();
	}

	@Test
	void theCodecStillReadsInstantsWithAnOffset() {
		String json = """
				{"schemaVersion":1,"id":"e1","tenant":"acme","receivedAt":"2026-11-22T02:36:40.25+01:00",
				 "category":"app","protocol":"native","source":{"service":"checkout"},"message":"hi"}""";

		RawLogRecord record = new EventCodec().decodeRaw(json.getBytes(StandardCharsets.UTF_8));

		assertThat(record.receivedAt()).isEqualTo(Instant.parse("2026-11-22T01:36:40.25Z"));
	}

}
