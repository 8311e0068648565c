package io.logpipe.indexer.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.logpipe.service.problem.ProblemException;

/**
 * Slows down guessing of the admin token: after
 * {@code indexer.admin.lockout.free-failures} failed attempts from one remote address,
 * each further failure locks that address out for twice as long as the last (from
 * {@code first-delay} up to {@code max-delay}), and while it is locked out every admin
 * request from it gets 429 without its token being looked at. A success clears the
 * address.
 *
 * <p>
 * Thread-safe: one lock around a map bounded to {@link #MAX_ADDRESSES} addresses (the
 * least recently seen is forgotten first), so that many addresses cannot exhaust memory.
 */
@Component
class AdminLockout {

	static final int MAX_ADDRESSES = 10_000;

	private final Map<String, Failures> failuresByAddress = new LinkedHashMap<>(16, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
			return size() > MAX_ADDRESSES;
		}

	};

	private final AdminLockoutProperties properties;

	private final Clock clock;

	AdminLockout(AdminLockoutProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * @throws ProblemException 429 with {@code Retry-After} while {@code address} is
	 * locked out
	 */
	synchronized void checkNotLockedOut(String address) {
		Failures failures = this.failuresByAddress.get(address);
		Instant now = this.clock.instant();
		if (failures != null && failures.lockedUntil().isAfter(now)) {
			// Rounded up, so that a client waiting Retry-After is let in.
			long seconds = Math.max(1, (Duration.between(now, failures.lockedUntil()).toMillis() + 999) / 1000);
			throw new ProblemException(AdminProblem.LOCKED_OUT,
					"too many failed admin attempts from this address; retry after " + seconds + " s")
				.withRetryAfter(seconds);
		}
	}

	synchronized void failed(String address) {
		Failures before = this.failuresByAddress.getOrDefault(address, new Failures(0, Instant.MIN));
		int count = before.count() + 1;
		int over = count - this.properties.freeFailures();
		Instant lockedUntil = (over > 0) ? this.clock.instant().plus(delay(over)) : Instant.MIN;
		this.failuresByAddress.put(address, new Failures(count, lockedUntil));
	}

	synchronized void succeeded(String address) {
		this.failuresByAddress.remove(address);
	}

	private Duration delay(int over) {
		Duration max = this.properties.maxDelay();
		Duration delay = this.properties.firstDelay();
		for (int i = 1; i < over && delay.compareTo(max) < 0; i++) {
			delay = delay.multipliedBy(2);
		}
		return (delay.compareTo(max) < 0) ? delay : max;
	}

	private record Failures(int count, Instant lockedUntil) {
	}

}
