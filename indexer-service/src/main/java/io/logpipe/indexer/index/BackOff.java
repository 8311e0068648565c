package io.logpipe.indexer.index;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential back-off with jitter: the wait before retry {@code n} is a random value
 * between half and all of {@code min(max, initial * 2^n)}, so that many indexers retrying
 * against a recovering cluster do not all arrive at once.
 */
public final class BackOff {

	private final Duration initial;

	private final Duration max;

	private final DoubleSupplier random;

	public BackOff(Duration initial, Duration max, DoubleSupplier random) {
		this.initial = initial;
		this.max = max;
		this.random = random;
	}

	public Duration delay(int attempt) {
		long ceiling = this.max.toMillis();
		long exponential = this.initial.toMillis() << Math.min(attempt, 30);
		long bounded = (exponential <= 0 || exponential > ceiling) ? ceiling : exponential;
		return Duration.ofMillis((long) (bounded * (0.5 + 0.5 * this.random.getAsDouble())));
	}

}
