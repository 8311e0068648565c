package io.logpipe.indexer;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

import static org.assertj.core.api.Assertions.assertThat;

class JitteredBackOffTests {

	private final ExponentialBackOff backOff = JitteredBackOff.of(Duration.ofMillis(100), Duration.ofSeconds(1));

	@Test
	void doublesEachWaitWithinHalfToOneAndAHalfTimesItNeverBelowTheInitialNorAboveTheMax() {
		for (int run = 0; run < 200; run++) {
			BackOffExecution waits = this.backOff.start();
			long exponential = 100;
			for (int retry = 0; retry < 8; retry++) {
				long wait = waits.nextBackOff();
				assertThat(wait).as("retry %d", retry)
					.isBetween(Math.max(100, exponential / 2), Math.min(1000, exponential * 3 / 2));
				exponential = Math.min(1000, exponential * 2);
			}
		}
	}

	@Test
	void spreadsTheWaitsOfIndexersThatFailedTogether() {
		Set<Long> thirdWaits = new HashSet<>();
		for (int indexer = 0; indexer < 50; indexer++) {
			BackOffExecution waits = this.backOff.start();
			waits.nextBackOff();
			waits.nextBackOff();
			thirdWaits.add(waits.nextBackOff());
		}
		assertThat(thirdWaits).hasSizeGreaterThan(10);
	}

	@Test
	void neverGivesUp() {
		BackOffExecution waits = this.backOff.start();
		for (int retry = 0; retry < 10_000; retry++) {
			assertThat(waits.nextBackOff()).isNotEqualTo(BackOffExecution.STOP);
		}
	}

	@Test
	void aMaxBelowTheInitialWaitIsRaisedToIt() {
		assertThat(JitteredBackOff.of(Duration.ofSeconds(2), Duration.ofSeconds(1)).start().nextBackOff())
			.isEqualTo(2000);
	}

}
