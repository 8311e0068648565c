package io.logpipe.ingest;

import java.time.Duration;

import org.springframework.util.unit.DataSize;

import io.logpipe.ingest.body.IngestLimitsProperties;
import io.logpipe.ingest.body.RequestBodyReader;
import io.logpipe.service.problem.ProblemException;
import io.logpipe.testsupport.fuzz.Fuzz;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the fuzz tests of ingest's body readers share: small limits, so that generated
 * bodies reach them, and the one property every reader keeps.
 */
public final class FuzzFixtures {

	/** 256KB bodies, 64KB events, 1,000 events and fields, 20 levels. */
	public static final IngestLimitsProperties LIMITS = new IngestLimitsProperties(DataSize.ofKilobytes(256),
			DataSize.ofKilobytes(64), 1000, 1000, 20);

	/**
	 * The longest one reading may take; generous, as the build shares its cores, yet far
	 * below what a quadratic or runaway reading of a hostile body takes.
	 */
	public static final Duration BUDGET = Duration.ofSeconds(2);

	/** Tries per property: a few seconds each on a loaded machine. */
	public static final int TRIES = 400;

	private FuzzFixtures() {
	}

	public static RequestBodyReader bodyReader() {
		return new RequestBodyReader(LIMITS);
	}

	/**
	 * Runs a reading that must either succeed or fail with our own rejection: a
	 * {@link ProblemException} with a 4xx status and a detail a client can act on.
	 * Anything else it throws fails the {@link Fuzz} try.
	 */
	public static void succeedsOrRejects(Fuzz.Property<Void> reading) throws Exception {
		try {
			reading.check(null);
		}
		catch (ProblemException ex) {
			assertThat(ex.status().is4xxClientError()).as("status of %s", ex).isTrue();
			assertThat(ex.detail()).as("detail of %s", ex).isNotBlank();
		}
	}

}
