package io.logpipe.indexer.index;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BackOffTests {

	@Test
	void doublesEachAttemptUpToTheCeiling() {
		BackOff backOff = new BackOff(Duration.ofMillis(100), Duration.ofSeconds(1), () -> 1.0);

		assertThat(backOff.delay(0)).isEqualTo(Duration.ofMillis(100));
		assertThat(backOff.delay(3)).isEqualTo(Duration.ofMillis(800));
		assertThat(backOff.delay(4)).isEqualTo(Duration.ofSeconds(1));
		assertThat(backOff.delay(200)).isEqualTo(Duration.ofSeconds(1));
	}

	@Test
	void jittersBetweenHalfAndAllOfTheDelay() {
		assertThat(new BackOff(Duration.ofMillis(100), Duration.ofSeconds(1), () -> 0.0).delay(1))
			.isEqualTo(Duration.ofMillis(100));
	}

}
