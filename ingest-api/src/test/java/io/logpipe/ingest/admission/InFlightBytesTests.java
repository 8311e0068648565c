package io.logpipe.ingest.admission;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import io.logpipe.ingest.problem.ProblemType;
import io.logpipe.service.problem.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class InFlightBytesTests {

	private final InFlightBytes inFlight = new InFlightBytes(
			new AdmissionProperties(DataSize.ofBytes(100), Duration.ofSeconds(2)));

	@Test
	void refusesAReservationThatWouldPassTheCapAndKeepsTheCountUnchanged() {
		try (InFlightBytes.Reservation first = this.inFlight.reserve(80)) {
			assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> this.inFlight.reserve(30))
				.satisfies((ex) -> {
					assertThat(ex.kind()).isEqualTo(ProblemType.OVERLOADED);
					assertThat(ex.headers()).containsEntry("Retry-After", "2");
				});
			assertThat(this.inFlight.held()).isEqualTo(80);
		}
		assertThat(this.inFlight.held()).isZero();
	}

	@Test
	void refusesToGrowAReservationPastTheCapWhileOthersHoldBytes() {
		try (InFlightBytes.Reservation first = this.inFlight.reserve(50);
				InFlightBytes.Reservation second = this.inFlight.reserve(10)) {
			second.growTo(40);
			assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> second.growTo(60));
			assertThat(this.inFlight.held()).isEqualTo(90);
		}
		assertThat(this.inFlight.held()).isZero();
	}

	@Test
	void letsARequestAloneGrowPastTheCapSoThatASmallCapSlowsIngestWithoutStoppingIt() {
		try (InFlightBytes.Reservation alone = this.inFlight.reserve(0)) {
			alone.growTo(500);
			assertThat(this.inFlight.held()).isEqualTo(500);
		}
		assertThat(this.inFlight.held()).isZero();
	}

}
