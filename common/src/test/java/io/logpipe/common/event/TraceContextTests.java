package io.logpipe.common.event;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class TraceContextTests {

	@Test
	void readsTheIdsOfATraceparentInLowerCase() {
		assertThat(TraceContext.fromTraceparent("00-4BF92F3577B34DA6A3CE929D0E0E4736-00F067AA0BA902B7-01"))
			.contains(new TraceContext("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7"));
	}

	@Test
	void readsAFutureVersionWithMoreParts() {
		assertThat(TraceContext.fromTraceparent("01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra"))
			.map(TraceContext::traceId)
			.contains("4bf92f3577b34da6a3ce929d0e0e4736");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "garbage", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7",
			"00-00000000000000000000000000000000-00f067aa0ba902b7-01",
			"00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
			"ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
			"00-4bf92f3577b34da6a3ce929d0e0e473g-00f067aa0ba902b7-01",
			"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra" })
	void ignoresATraceparentThatDoesNotParse(String traceparent) {
		assertThat(TraceContext.fromTraceparent(traceparent)).isEmpty();
	}

}
