package io.logpipe.ingest.admission;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.function.LongSupplier;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;

import io.logpipe.ingest.problem.ProblemType;
import io.logpipe.service.problem.ProblemException;

/**
 * A request body that must arrive in time: whole within {@code body-timeout}, and at
 * {@code min-body-rate} on average once {@code min-body-rate-after} has passed. Checked
 * after every read; a read that waits for bytes is bounded by the server's socket timeout
 * ({@code server.tomcat.connection-timeout}), which also answers 408 here. Not
 * thread-safe: one request reads it.
 */
class PacedInputStream extends ServletInputStream {

	private final ServletInputStream in;

	private final ClientLimitsProperties limits;

	private final LongSupplier nanoTime;

	private final long startNanos;

	private long bytes;

	PacedInputStream(ServletInputStream in, ClientLimitsProperties limits, LongSupplier nanoTime) {
		this.in = in;
		this.limits = limits;
		this.nanoTime = nanoTime;
		this.startNanos = nanoTime.getAsLong();
	}

	@Override
	public int read() throws IOException {
		int b = guarded(this.in::read);
		paced((b >= 0) ? 1 : 0);
		return b;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		int n = guarded(() -> this.in.read(buffer, offset, length));
		paced(Math.max(n, 0));
		return n;
	}

	@Override
	public boolean isFinished() {
		return this.in.isFinished();
	}

	@Override
	public boolean isReady() {
		return this.in.isReady();
	}

	@Override
	public void setReadListener(ReadListener listener) {
		this.in.setReadListener(listener);
	}

	@Override
	public void close() throws IOException {
		this.in.close();
	}

	private int guarded(Read read) throws IOException {
		try {
			return read.read();
		}
		catch (IOException ex) {
			// Tomcat wraps a socket read timeout in its ClientAbortException.
			for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
				if (cause instanceof SocketTimeoutException) {
					throw timedOut("no byte of the body arrived within server.tomcat.connection-timeout", ex);
				}
			}
			throw ex;
		}
	}

	private void paced(int n) {
		this.bytes += n;
		Duration elapsed = Duration.ofNanos(this.nanoTime.getAsLong() - this.startNanos);
		if (elapsed.compareTo(this.limits.bodyTimeout()) > 0) {
			throw timedOut("the body did not arrive within " + ClientLimitsProperties.PREFIX + "body-timeout ("
					+ this.limits.bodyTimeout() + "); " + this.bytes + " bytes came", null);
		}
		if (elapsed.compareTo(this.limits.minBodyRateAfter()) > 0
				&& this.bytes * 1000 < this.limits.minBodyRate().toBytes() * elapsed.toMillis()) {
			throw timedOut("the body arrived at " + this.bytes * 1000 / Math.max(1, elapsed.toMillis())
					+ " bytes/s, under " + ClientLimitsProperties.PREFIX + "min-body-rate ("
					+ this.limits.minBodyRate().toBytes() + " bytes/s)", null);
		}
	}

	private static ProblemException timedOut(String detail, Throwable cause) {
		return new ProblemException(ProblemType.REQUEST_TIMEOUT, detail, cause);
	}

	@FunctionalInterface
	private interface Read {

		int read() throws IOException;

	}

}
