package io.logpipe.parser.parse.enrich;

import org.junit.jupiter.api.Test;

import io.logpipe.common.event.LogDocument;

import static org.assertj.core.api.Assertions.assertThat;

class StackTraceExtractorTests {

	@Test
	void readsAJavaStackTraceAfterALogLine() {
		String message = """
				Charge failed for order 7
				com.shop.PaymentException: card declined
				\tat com.shop.Payments.charge(Payments.java:88)
				\tat com.shop.Checkout.run(Checkout.java:12)
				Caused by: java.net.SocketTimeoutException: Read timed out
				\tat java.base/sun.nio.ch.NioSocketImpl.timedRead(NioSocketImpl.java:278)
				""";

		LogDocument.ErrorInfo error = StackTraceExtractor.extract(message).orElseThrow();

		assertThat(error.type()).isEqualTo("com.shop.PaymentException");
		assertThat(error.message()).isEqualTo("card declined");
		assertThat(error.stackTrace()).startsWith("com.shop.PaymentException: card declined\n\tat com.shop.Payments")
			.contains("Caused by: java.net.SocketTimeoutException");
	}

	@Test
	void readsAJavaExceptionWithoutAMessage() {
		LogDocument.ErrorInfo error = StackTraceExtractor
			.extract("java.lang.NullPointerException\n    at a.B.c(B.java:1)")
			.orElseThrow();

		assertThat(error.type()).isEqualTo("java.lang.NullPointerException");
		assertThat(error.message()).isNull();
	}

	@Test
	void readsAPythonTraceback() {
		String message = """
				Unhandled error
				Traceback (most recent call last):
				  File "/app/main.py", line 10, in <module>
				    run()
				KeyError: 'user_id'
				""";

		LogDocument.ErrorInfo error = StackTraceExtractor.extract(message).orElseThrow();

		assertThat(error.type()).isEqualTo("KeyError");
		assertThat(error.message()).isEqualTo("'user_id'");
		assertThat(error.stackTrace()).startsWith("Traceback (most recent call last):").endsWith("KeyError: 'user_id'");
	}

	@Test
	void findsNothingInAnOrdinaryMessage() {
		assertThat(StackTraceExtractor.extract("an IllegalStateException happened, at noon")).isEmpty();
		assertThat(StackTraceExtractor.extract(null)).isEmpty();
	}

}
