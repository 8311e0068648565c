package io.logpipe.ingest.protocol.gelf;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
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
 * GELF's errors, in plain text: 400 for a bad message, 401 with a {@code Basic} challenge
 * (which lets a JDK {@code HttpClient} with an {@code Authenticator}, such as
 * logback-gelf's, answer it), 413 over a limit, and 503 with {@code Retry-After} for
 * every transient failure, the rate limit too: GELF HTTP clients such as logback-gelf
 * retry 5xx only and drop anything else that is not 202.
 */
@RestControllerAdvice(assignableTypes = GelfController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class GelfErrors {

	private final Failures failures;

	GelfErrors(Failures failures) {
		this.failures = failures;
	}

	@ExceptionHandler
	ResponseEntity<String> unauthenticated(CredentialsRejectedException ex, HttpServletRequest request) {
		this.failures.of(Protocol.GELF, request, ex);
		return PlainTextErrors.unauthenticated(ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<String> failed(ProblemException ex, HttpServletRequest request) {
		RequestFailure failure = this.failures.of(Protocol.GELF, request, ex);
		return PlainTextErrors.failure(failure,
				failure.transientFailure() ? HttpStatus.SERVICE_UNAVAILABLE : failure.kind().status());
	}

}
