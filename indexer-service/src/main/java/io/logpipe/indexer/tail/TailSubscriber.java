package io.logpipe.indexer.tail;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.logpipe.indexer.search.LogFilter;
import io.logpipe.indexer.search.Tenant;

/**
 * One open tail: the documents waiting for its reader, in a bounded queue, and the number
 * dropped since the reader last heard of it.
 *
 * <p>
 * Concurrency: the tail's consumer thread {@link #offer offers} documents and never
 * waits; the subscriber's own sender thread ({@link #run}) takes them and writes them to
 * the reader, waiting as long as the reader's connection makes it. A slow reader
 * therefore fills its own queue, loses the documents past it, and learns how many from a
 * {@code dropped} event before the next document: memory stays bounded and no other
 * reader waits.
 */
final class TailSubscriber implements Runnable {

	/** Where the sender writes; an {@code IOException} ends the tail. */
	interface Sink {

		void document(byte[] json) throws IOException;

		void dropped(long count) throws IOException;

		void heartbeat() throws IOException;

	}

	private final Tenant tenant;

	private final LogFilter filter;

	private final TextFilter text;

	private final BlockingQueue<byte[]> queue;

	private final AtomicLong dropped = new AtomicLong();

	private final Sink sink;

	private final Duration heartbeat;

	private volatile boolean open = true;

	TailSubscriber(Tenant tenant, LogFilter filter, TextFilter text, int capacity, Sink sink, Duration heartbeat) {
		this.tenant = tenant;
		this.filter = filter;
		this.text = text;
		this.queue = new ArrayBlockingQueue<>(capacity);
		this.sink = sink;
		this.heartbeat = heartbeat;
	}

	Tenant tenant() {
		return this.tenant;
	}

	LogFilter filter() {
		return this.filter;
	}

	TextFilter text() {
		return this.text;
	}

	boolean isOpen() {
		return this.open;
	}

	/** Queues a document for the reader, or counts it as dropped; never waits. */
	void offer(byte[] document) {
		if (!this.queue.offer(document)) {
			this.dropped.incrementAndGet();
		}
	}

	void close() {
		this.open = false;
	}

	/** The sender: runs until the tail is closed or the reader is gone. */
	@Override
	public void run() {
		try {
			while (this.open) {
				byte[] document = this.queue.poll(this.heartbeat.toMillis(), TimeUnit.MILLISECONDS);
				long lost = this.dropped.getAndSet(0);
				if (lost > 0) {
					this.sink.dropped(lost);
				}
				if (document != null) {
					this.sink.document(document);
				}
				else if (lost == 0) {
					this.sink.heartbeat();
				}
			}
		}
		catch (IOException | IllegalStateException ex) {
			// The reader went away (or the emitter completed): the tail ends.
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			this.open = false;
		}
	}

}
