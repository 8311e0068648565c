package io.logpipe.indexer.tail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.logpipe.indexer.search.LogFilter;
import io.logpipe.indexer.search.Tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class TailSubscriberTests {

	@Test
	void aReaderThatFallsBehindLosesWhatOverflowsItsQueueAndIsToldHowMany() throws Exception {
		CountDownLatch reading = new CountDownLatch(1);
		RecordingSink sink = new RecordingSink(reading);
		TailSubscriber subscriber = new TailSubscriber(new Tenant("acme"), LogFilter.of(null, null, null, null),
				TextFilter.of(null), 3, sink, Duration.ofMillis(200));
		Thread sender = Thread.ofVirtual().start(subscriber);

		// The first document is taken by the sender, which then blocks on the reader.
		subscriber.offer(bytes("d0"));
		await().atMost(Duration.ofSeconds(10)).until(() -> sink.blocked);
		for (int i = 1; i <= 10; i++) {
			subscriber.offer(bytes("d" + i));
		}
		reading.countDown();

		await().atMost(Duration.ofSeconds(10)).until(() -> sink.events.size() == 5);
		assertThat(sink.events).containsExactly("d0", "dropped 7", "d1", "d2", "d3");
		subscriber.close();
		assertThat(sender.join(Duration.ofSeconds(10))).isTrue();
	}

	@Test
	void anIdleTailSendsHeartbeatsAndEndsWhenTheReaderIsGone() throws Exception {
		List<String> events = new CopyOnWriteArrayList<>();
		TailSubscriber.Sink failingAfterOne = new TailSubscriber.Sink() {

			@Override
			public void document(byte[] json) {
				events.add("document");
			}

			@Override
			public void dropped(long count) {
				events.add("dropped");
			}

			@Override
			public void heartbeat() throws IOException {
				events.add("heartbeat");
				if (events.size() > 1) {
					throw new IOException("broken pipe");
				}
			}

		};
		TailSubscriber subscriber = new TailSubscriber(new Tenant("acme"), LogFilter.of(null, null, null, null),
				TextFilter.of(null), 3, failingAfterOne, Duration.ofMillis(50));

		Thread sender = Thread.ofVirtual().start(subscriber);

		assertThat(sender.join(Duration.ofSeconds(10))).isTrue();
		assertThat(events).containsExactly("heartbeat", "heartbeat");
		assertThat(subscriber.isOpen()).isFalse();
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/** A reader that blocks on its first document until the test lets it read. */
	private static final class RecordingSink implements TailSubscriber.Sink {

		final List<String> events = new CopyOnWriteArrayList<>();

		final CountDownLatch reading;

		volatile boolean blocked;

		RecordingSink(CountDownLatch reading) {
			this.reading = reading;
		}

		@Override
		public void document(byte[] json) throws IOException {
			this.events.add(new String(json, StandardCharsets.UTF_8));
			this.blocked = true;
			try {
				this.reading.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		@Override
		public void dropped(long count) {
			this.events.add("dropped " + count);
		}

		@Override
		public void heartbeat() {
		}

	}

}
