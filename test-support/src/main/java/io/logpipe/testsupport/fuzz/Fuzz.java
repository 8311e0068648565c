package io.logpipe.testsupport.fuzz;

import java.time.Duration;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * A property run over generated inputs: each try draws an input from a seeded generator,
 * hands it to the property, and fails the test when the property throws or when one try
 * takes longer than its budget. The failure names the seed, the try and the input, so
 * that {@code -Dlogpipe.fuzz.seed=<seed>} replays the same inputs.
 *
 * <p>
 * A try over its budget is measured once more, and fails only when it is over again. Each
 * build runs with a new seed unless {@code logpipe.fuzz.seed} is set, so that the builds
 * together explore more than one fixed set; {@code logpipe.fuzz.tries} scales the number
 * of tries of every property (1.0 by default; a nightly run may set 20).
 *
 * @param <T> the input type
 */
public final class Fuzz<T> {

	/** Set to replay a failing run. */
	public static final String SEED_PROPERTY = "logpipe.fuzz.seed";

	/** A factor on every property's tries. */
	public static final String TRIES_PROPERTY = "logpipe.fuzz.tries";

	private final String name;

	private final Function<SplittableRandom, T> generator;

	private int tries = 200;

	private Duration budget = Duration.ofSeconds(2);

	private Fuzz(String name, Function<SplittableRandom, T> generator) {
		this.name = name;
		this.generator = generator;
	}

	/**
	 * @param name what is fuzzed, for the failure message
	 * @param generator draws one input from the random source it is given
	 */
	public static <T> Fuzz<T> of(String name, Function<SplittableRandom, T> generator) {
		return new Fuzz<>(name, generator);
	}

	/** How many inputs to try (before {@link #TRIES_PROPERTY}). */
	public Fuzz<T> tries(int tries) {
		this.tries = tries;
		return this;
	}

	/** The longest one try may take, measured around the property alone. */
	public Fuzz<T> budget(Duration budget) {
		this.budget = budget;
		return this;
	}

	/**
	 * Runs the property on every generated input.
	 * @param property throws (an {@link AssertionError} or anything else) when the input
	 * breaks it
	 * @throws AssertionError naming the seed, the try and the input of the first failure
	 */
	public void check(Property<T> property) {
		long seed = seed();
		SplittableRandom random = new SplittableRandom(seed);
		int total = Math.max(1, (int) (this.tries * Double.parseDouble(System.getProperty(TRIES_PROPERTY, "1"))));
		for (int i = 0; i < total; i++) {
			T input = this.generator.apply(random);
			Duration took = timed(property, seed, i, input);
			// A slow input is slow every time; a try slowed by the machine (class
			// loading,
			// a collection, a starved core) is not, so it is measured once more.
			if (took.compareTo(this.budget) > 0 && timed(property, seed, i, input).compareTo(this.budget) > 0) {
				throw new AssertionError(
						failure(seed, i, input, "took " + took.toMillis() + " ms, over its budget of " + this.budget));
			}
		}
	}

	private Duration timed(Property<T> property, long seed, int attempt, T input) {
		long start = System.nanoTime();
		try {
			property.check(input);
		}
		catch (Throwable ex) {
			throw new AssertionError(failure(seed, attempt, input, "failed: " + ex), ex);
		}
		return Duration.ofNanos(System.nanoTime() - start);
	}

	private String failure(long seed, int attempt, T input, String what) {
		return this.name + ": try " + attempt + " of seed " + seed + " (-D" + SEED_PROPERTY + "=" + seed + ") " + what
				+ "\ninput: " + describe(input);
	}

	private static long seed() {
		String fixed = System.getProperty(SEED_PROPERTY);
		return (fixed != null && !fixed.isBlank()) ? Long.parseLong(fixed.strip()) : System.nanoTime();
	}

	private static String describe(Object input) {
		String text = (input instanceof byte[] bytes) ? bytes.length + " bytes: " + HexFormat.of().formatHex(bytes)
				: String.valueOf(input);
		return (text.length() > 2000) ? text.substring(0, 2000) + "... (" + text.length() + " characters)" : text;
	}

	/**
	 * What must hold for every input.
	 *
	 * @param <T> the input type
	 */
	@FunctionalInterface
	public interface Property<T> {

		void check(T input) throws Exception;

	}

}
