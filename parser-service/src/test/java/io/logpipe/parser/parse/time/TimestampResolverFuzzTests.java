package io.logpipe.parser.parse.time;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import io.logpipe.testsupport.fuzz.Fuzz;
import io.logpipe.testsupport.fuzz.Inputs;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The timestamp resolver on generated values: mutations of the formats it reads, numbers
 * of every size and sign, and noise. It always answers a time (the receipt, marked
 * inferred, when it cannot read one) and never throws.
 */
class TimestampResolverFuzzTests {

	private static final Instant RECEIVED = Instant.parse("2026-12-01T10:00:00Z");

	private static final List<String> EXAMPLES = List.of("2026-12-01T10:00:00.123456789Z", "2026-12-01T10:00:00+05:30",
			"2026-12-01 10:00:00,123", "Dec  1 10:00:00", "01/Dec/2026:10:00:00 +0000", "1764583200", "1764583200123",
			"1764583200.25", "01.12.2026 10:00:00", "Tue, 01 Dec 2026 10:00:00 GMT");

	private final TimestampResolver resolver = new TimestampResolver(ZoneId.of("UTC"),
			Map.of("legacy", ZoneId.of("Europe/Berlin")), List.of("dd.MM.yyyy HH:mm:ss"), Duration.ofMinutes(5));

	@Test
	void resolvesAnyValueToATime() {
		Fuzz.of("timestamp", TimestampResolverFuzzTests::value)
			.tries(2000)
			.budget(Duration.ofSeconds(1))
			.check((value) -> assertThat(this.resolver.resolve(value, "legacy", RECEIVED).instant()).isNotNull());
	}

	private static Object value(SplittableRandom random) {
		return switch (random.nextInt(6)) {
			case 0 -> random.nextLong();
			case 1 -> (random.nextBoolean()) ? random.nextDouble() * Math.pow(10, random.nextInt(25))
					: (double) random.nextLong();
			case 2 -> Inputs.text(random, 8);
			case 3 -> List.of(random.nextInt());
			default -> new String(Inputs.mutatedText(random, EXAMPLES), java.nio.charset.StandardCharsets.UTF_8);
		};
	}

}
