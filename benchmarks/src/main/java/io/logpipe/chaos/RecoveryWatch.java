package io.logpipe.chaos;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Times the catch-up: from the end of a fault until every event acknowledged with a time
 * up to that end is stored (and no request from before it is still unacknowledged). Polls
 * Elasticsearch once a second on a thread of its own.
 */
final class RecoveryWatch {

	private final CompletableFuture<Double> seconds = new CompletableFuture<>();

	private final Thread thread;

	private RecoveryWatch(StoredEvents stored, Acknowledgements acknowledgements, Instant faultEnded) {
		this.thread = Thread.ofVirtual().unstarted(() -> {
			try {
				while (!this.seconds.isDone()) {
					if (caughtUp(stored, acknowledgements, faultEnded)) {
						this.seconds.complete(Duration.between(faultEnded, Instant.now()).toMillis() / 1000.0);
					}
					Thread.sleep(1000);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
	}

	private static boolean caughtUp(StoredEvents stored, Acknowledgements acknowledgements, Instant faultEnded)
			throws InterruptedException {
		try {
			return acknowledgements.pendingUpTo(faultEnded) == 0
					&& stored.countUpTo(faultEnded) >= acknowledgements.acknowledgedUpTo(faultEnded);
		}
		catch (IOException ex) {
			// Elasticsearch is not back yet: not caught up.
			return false;
		}
	}

	static RecoveryWatch start(StoredEvents stored, Acknowledgements acknowledgements, Instant faultEnded) {
		RecoveryWatch watch = new RecoveryWatch(stored, acknowledgements, faultEnded);
		watch.thread.start();
		return watch;
	}

	/**
	 * @return the recovery time in seconds, or null when it did not come within
	 * {@code timeout}
	 */
	Double awaitSeconds(Duration timeout) throws InterruptedException {
		try {
			return this.seconds.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException | ExecutionException ex) {
			return null;
		}
		finally {
			this.thread.interrupt();
		}
	}

}
