package io.logpipe.indexer.index;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

class BulkWatchdogTests {

	private final AtomicLong now = new AtomicLong();

	private final BulkWatchdog watchdog = new BulkWatchdog(Duration.ofSeconds(10), this.now::get);

	@Test
	void isUpWhileNoBulkIsInFlight() {
		assertThat(this.watchdog.health().getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void staysUpWhileTheOldestBulkIsYoungerThanTheBound() {
		this.watchdog.started();
		advance(Duration.ofSeconds(10));

		assertThat(this.watchdog.health().getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void reportsDownWithTheAgeOfTheOldestBulkOnceItIsOverTheBound() {
		this.watchdog.started();
		advance(Duration.ofSeconds(5));
		this.watchdog.started();
		advance(Duration.ofSeconds(7));

		Health health = this.watchdog.health();

		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails().get("reason").toString()).contains("waited 12 s")
			.contains("indexer.bulk-watchdog.stalled-after");
		assertThat(health.getDetails()).containsEntry("inFlight", 2);
	}

	@Test
	void isUpAgainOnceTheStalledBulkReturns() {
		long stalled = this.watchdog.started();
		advance(Duration.ofSeconds(30));
		this.watchdog.started();
		this.watchdog.finished(stalled);

		assertThat(this.watchdog.health().getStatus()).isEqualTo(Status.UP);
	}

	private void advance(Duration duration) {
		this.now.addAndGet(duration.toNanos());
	}

}
