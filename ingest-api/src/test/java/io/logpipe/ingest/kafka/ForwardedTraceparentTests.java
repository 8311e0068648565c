package io.logpipe.ingest.kafka;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ForwardedTraceparentTests {

	private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

	@Test
	void forwardsAVersion00TraceparentAsItIs() {
		assertThat(forwarded("  " + TRACEPARENT + " ")).isEqualTo(TRACEPARENT);
	}

	@Test
	void forwardsOnlyTheSharedFieldsOfALaterVersion() {
		assertThat(forwarded("cc" + TRACEPARENT.substring(2) + "-" + "f".repeat(4000)))
			.isEqualTo("cc" + TRACEPARENT.substring(2));
	}

	private static String forwarded(String traceparent) {
		return new String(RawRecordPublisher.forwardedTraceparent(traceparent), StandardCharsets.US_ASCII);
	}

}
