package io.logpipe.ingest.admission;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

import io.logpipe.ingest.problem.ProblemType;
import io.logpipe.service.problem.ProblemException;

/**
 * Caps the bytes of all requests in flight together. A request reserves its declared
 * length before its body is read and grows the reservation as the decoded body grows;
 * when the total would pass the cap, it gets 429 at once instead of waiting in a queue
 * (vector#7186: back-pressure that never reaches the client).
 *
 * <p>
 * Thread-safe: one lock-free counter shared by all request threads; each
 * {@link Reservation} belongs to one request thread and is released in its
 * {@code finally}.
 */
@Component
public class InFlightBytes {

	private final AtomicLong held = new AtomicLong();

	private final AdmissionProperties properties;

	public InFlightBytes(AdmissionProperties properties) {
		this.properties = properties;
	}

	/**
	 * Reserves {@code bytes} (0 when the length is unknown).
	 * @throws ProblemException {@link ProblemType#OVERLOADED} when the cap would be
	 * passed
	 */
	public Reservation reserve(long bytes) {
		Reservation reservation = new Reservation();
		reservation.growTo(Math.max(0, bytes));
		return reservation;
	}

	/** Bytes held by all requests now. */
	public long held() {
		return this.held.get();
	}

	private void add(long bytes, long ownTotal) {
		long max = this.properties.maxInFlightBytes().toBytes();
		long after = this.held.addAndGet(bytes);
		// A request alone may always pass (up to the body limit), so that a cap below
		// the body limit slows ingest down instead of stopping it.
		if (after > max && after > ownTotal) {
			this.held.addAndGet(-bytes);
			throw new ProblemException(ProblemType.OVERLOADED,
					"ingest is holding its limit of in-flight request bytes (ingest.admission.max-in-flight-bytes = "
							+ this.properties.maxInFlightBytes() + "); retry after "
							+ this.properties.retryAfter().toSeconds() + " s")
				.withRetryAfter(Math.max(1, this.properties.retryAfter().toSeconds()));
		}
	}

	/** One request's share of the in-flight bytes. Not thread-safe. */
	public final class Reservation implements AutoCloseable {

		private long bytes;

		private Reservation() {
		}

		/** Grows the reservation to {@code total} bytes, if it is smaller. */
		public void growTo(long total) {
			if (total > this.bytes) {
				add(total - this.bytes, total);
				this.bytes = total;
			}
		}

		@Override
		public void close() {
			InFlightBytes.this.held.addAndGet(-this.bytes);
			this.bytes = 0;
		}

	}

}
