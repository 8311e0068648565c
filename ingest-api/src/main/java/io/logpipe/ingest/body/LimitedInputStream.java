package io.logpipe.ingest.body;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;

import io.logpipe.service.problem.ProblemException;

/**
 * Fails as soon as more than a bound of bytes has been read, so that neither a large body
 * nor a small one that decompresses to gigabytes is ever held whole.
 */
class LimitedInputStream extends FilterInputStream {

	private final long limit;

	private final Supplier<ProblemException> exceeded;

	private long count;

	LimitedInputStream(InputStream in, long limit, Supplier<ProblemException> exceeded) {
		super(in);
		this.limit = limit;
		this.exceeded = exceeded;
	}

	@Override
	public int read() throws IOException {
		int b = super.read();
		if (b >= 0) {
			count(1);
		}
		return b;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		// Never read further than one byte past the limit.
		int n = super.read(buffer, offset, (int) Math.min(length, this.limit - this.count + 1));
		if (n > 0) {
			count(n);
		}
		return n;
	}

	@Override
	public long skip(long n) throws IOException {
		long skipped = super.skip(Math.min(n, this.limit - this.count + 1));
		count(skipped);
		return skipped;
	}

	@Override
	public boolean markSupported() {
		return false;
	}

	long count() {
		return this.count;
	}

	private void count(long n) {
		this.count += n;
		if (this.count > this.limit) {
			throw this.exceeded.get();
		}
	}

}
