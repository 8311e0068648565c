package io.logpipe.bench;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReadBenchTests {

	/** The parser redacts runs of 13 or more digits that pass the Luhn check as cards. */
	private static final Pattern CARD_LIKE = Pattern.compile("\\d{13,}");

	@Test
	void probeMarkersAreUniqueAndNothingTheParserWouldRedact() {
		Set<String> markers = new HashSet<>();
		for (int i = 0; i < 10_000; i++) {
			String marker = ReadBench.probeMarker(i);
			assertThat(marker).matches("tailprobe" + i + "x[a-z]{16}").doesNotContainPattern(CARD_LIKE);
			markers.add(marker);
		}
		assertThat(markers).hasSize(10_000);
	}

}
