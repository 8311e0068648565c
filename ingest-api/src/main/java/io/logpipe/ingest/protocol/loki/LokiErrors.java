package io.logpipe.ingest.protocol.loki;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.logpipe.ingest.auth.UnauthenticatedException;
import io.logpipe.ingest.problem.IngestException;
import io.logpipe.ingest.protocol.Failures;
import io.logpipe.ingest.protocol.Protocol;
import io.logpipe.ingest.protocol.RequestFailure;

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
	ResponseEntity<String> unauthenticated(UnauthenticatedException ex, HttpServletRequest request) {
		this.failures.unauthenticated(Protocol.LOKI, request);
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
			.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"logpipe\"")
			.contentType(MediaType.TEXT_PLAIN)
			.body(ex.getMessage() + "\n");
	}

	@ExceptionHandler
	ResponseEntity<String> failed(IngestException ex, HttpServletRequest request) {
		RequestFailure failure = this.failures.of(Protocol.LOKI, request, ex);
		ResponseEntity.BodyBuilder answer = ResponseEntity.status(failure.type().status())
			.contentType(MediaType.TEXT_PLAIN);
		if (failure.retryAfterSeconds() > 0) {
			answer.header(HttpHeaders.RETRY_AFTER, Long.toString(failure.retryAfterSeconds()));
		}
		failure.headers().forEach(answer::header);
		return answer.body(failure.detail() + "\n");
	}

}
