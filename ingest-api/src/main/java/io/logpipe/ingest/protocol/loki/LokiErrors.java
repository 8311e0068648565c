package io.logpipe.ingest.protocol.loki;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.logpipe.ingest.auth.CredentialsRejectedException;
import io.logpipe.ingest.protocol.Failures;
import io.logpipe.ingest.protocol.PlainTextErrors;
import io.logpipe.ingest.protocol.Protocol;
import io.logpipe.ingest.protocol.RequestFailure;
import io.logpipe.service.problem.ProblemException;

/**
 * Loki's errors: a plain-text reason with 400 for bad data (clients drop it), 401 without
 * a valid key, 413 over a limit, 429 for the rate limit and in-flight bytes and 503 when
 * Kafka did not acknowledge; Promtail, Alloy, Vector and loki4j retry 429 and 5xx.
 */
@RestControllerAdvice(assignableTypes = LokiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class LokiErrors {

	private final Failures failures;

	LokiErrors(Failures failures) {
		this.failures = failures;
	}

	@ExceptionHandler
	ResponseEntity<String> unauthenticated(CredentialsRejectedException ex, HttpServletRequest request) {
		this.failures.of(Protocol.LOKI, request, ex);
		return PlainTextErrors.unauthenticated(ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<String> failed(ProblemException ex, HttpServletRequest request) {
		RequestFailure failure = this.failures.of(Protocol.LOKI, request, ex);
		return PlainTextErrors.failure(failure, failure.kind().status());
	}

}
