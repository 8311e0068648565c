package io.logpipe.ingest.admission;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;

import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import io.logpipe.ingest.problem.ProblemType;
import io.logpipe.service.problem.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PacedInputStreamTests {

	private static final ClientLimitsProperties LIMITS = new ClientLimitsProperties(64, Duration.ofSeconds(30),
			DataSize.ofKilobytes(1), Duration.ofSeconds(5));

	private final AtomicLong nanos = new AtomicLong();

	@Test
	void passesABodyThatArrivesInTime() throws IOException {
		PacedInputStream in = paced(new byte[10_000]);
		this.nanos.addAndGet(Duration.ofSeconds(6).toNanos());

		assertThat(in.readAllBytes()).hasSize(10_000);
	}

	@Test
	void answers408WhenTheBodyIsSlowerThanTheMinimumRateAfterItsGrace() {
		PacedInputStream in = paced(new byte[100]);
		this.nanos.addAndGet(Duration.ofSeconds(6).toNanos());

		assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> in.read(new byte[10], 0, 10))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(ProblemType.REQUEST_TIMEOUT))
			.withMessageContaining("1 bytes/s, under ingest.clients.min-body-rate (1024 bytes/s)");
	}

	@Test
	void letsASlowStartThroughWithinTheGrace() throws IOException {
		PacedInputStream in = paced(new byte[100]);
		this.nanos.addAndGet(Duration.ofSeconds(4).toNanos());

		assertThat(in.read(new byte[10], 0, 10)).isEqualTo(10);
	}

	@Test
	void answers408WhenTheWholeBodyTakesLongerThanTheBodyTimeoutWhateverItsRate() {
		PacedInputStream in = paced(new byte[1_000_000]);
		this.nanos.addAndGet(Duration.ofSeconds(31).toNanos());

		assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> in.read(new byte[10], 0, 10))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(ProblemType.REQUEST_TIMEOUT))
			.withMessageContaining("ingest.clients.body-timeout (PT30S)");
	}

	@Test
	void answers408WhenTheServerSocketTimesOutWaitingForBytes() {
		PacedInputStream in = new PacedInputStream(new Servlet(new byte[0]) {
			@Override
			public int read(byte[] b, int off, int len) throws IOException {
				throw new IOException("client abort", new SocketTimeoutException());
			}
		}, LIMITS, this.nanos::get);

		assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> in.read(new byte[10], 0, 10))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(ProblemType.REQUEST_TIMEOUT));
	}

	@Test
	void passesOtherReadFailuresOn() {
		PacedInputStream in = new PacedInputStream(new Servlet(new byte[0]) {
			@Override
			public int read(byte[] b, int off, int len) throws IOException {
				throw new IOException("connection reset");
			}
		}, LIMITS, this.nanos::get);

		assertThatExceptionOfType(IOException.class).isThrownBy(() -> in.read(new byte[10], 0, 10))
			.withMessage("connection reset");
	}

	private PacedInputStream paced(byte[] body) {
		return new PacedInputStream(new Servlet(body), LIMITS, this.nanos::get);
	}

	private static class Servlet extends ServletInputStream {

		private final ByteArrayInputStream in;

		Servlet(byte[] body) {
			this.in = new ByteArrayInputStream(body);
		}

		@Override
		public int read() {
			return this.in.read();
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			return this.in.read(b, off, len);
		}

		@Override
		public boolean isFinished() {
			return this.in.available() == 0;
		}

		@Override
		public boolean isReady() {
			return true;
		}

		@Override
		public void setReadListener(ReadListener listener) {
		}

	}

}
