package io.logpipe.indexer.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import io.logpipe.service.problem.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AdminLockoutTests {

	private static final String ADDRESS = "192.0.2.7";

	private final MutableClock clock = new MutableClock();

	private final AdminLockout lockout = new AdminLockout(
			new AdminLockoutProperties(2, Duration.ofSeconds(1), Duration.ofSeconds(5)), this.clock);

	@Test
	void letsTheFreeFailuresThroughThenLocksTheAddressOutForDoublingDelaysUpToTheMaximum() {
		fail(2);
		assertThatCode(() -> this.lockout.checkNotLockedOut(ADDRESS)).doesNotThrowAnyException();

		for (long expected : new long[] { 1, 2, 4, 5, 5 }) {
			fail(1);
			assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> this.lockout.checkNotLockedOut(ADDRESS))
				.satisfies((ex) -> {
					assertThat(ex.kind()).isEqualTo(AdminProblem.LOCKED_OUT);
					assertThat(ex.headers()).containsEntry("Retry-After", Long.toString(expected));
				});
			this.clock.advance(Duration.ofSeconds(expected));
			assertThatCode(() -> this.lockout.checkNotLockedOut(ADDRESS)).doesNotThrowAnyException();
		}
	}

	@Test
	void locksOutOnlyTheFailingAddress() {
		fail(3);

		assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> this.lockout.checkNotLockedOut(ADDRESS));
		assertThatCode(() -> this.lockout.checkNotLockedOut("192.0.2.8")).doesNotThrowAnyException();
	}

	@Test
	void aSuccessClearsTheAddressesFailures() {
		fail(2);
		this.lockout.succeeded(ADDRESS);
		fail(2);

		assertThatCode(() -> this.lockout.checkNotLockedOut(ADDRESS)).doesNotThrowAnyException();
	}

	private void fail(int times) {
		for (int i = 0; i < times; i++) {
			this.lockout.failed(ADDRESS);
		}
	}

	private static final class MutableClock extends Clock {

		private Instant now = Instant.parse("2026-12-01T12:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
