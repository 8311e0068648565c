package io.logpipe.indexer;

import java.time.Duration;

import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The one back-off shape of the indexer: doubling from {@code initial} up to {@code max},
 * without end, with jitter so that many indexers retrying against a recovering cluster do
 * not all arrive at once.
 *
 * <p>
 * Spring's jitter scales with the interval ({@code jitter * interval / initial}): a
 * jitter of half the initial interval spreads every wait uniformly over half to one and a
 * half times its exponential value, never below {@code initial} and never above
 * {@code max}.
 */
public final class JitteredBackOff {

	static final double MULTIPLIER = 2;

	private JitteredBackOff() {
	}

	public static ExponentialBackOff of(Duration initial, Duration max) {
		ExponentialBackOff backOff = new ExponentialBackOff(initial.toMillis(), MULTIPLIER);
		backOff.setMaxInterval(Math.max(max.toMillis(), initial.toMillis()));
		backOff.setJitter(Math.max(1, initial.toMillis() / 2));
		return backOff;
	}

}
