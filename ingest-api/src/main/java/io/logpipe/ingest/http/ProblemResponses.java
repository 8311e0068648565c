package io.logpipe.ingest.http;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.logpipe.ingest.auth.UnauthenticatedException;
import io.logpipe.ingest.problem.IngestException;
import io.logpipe.ingest.problem.ProblemType;
import io.logpipe.ingest.protocol.Failures;
import io.logpipe.ingest.protocol.Protocol;
import io.logpipe.ingest.protocol.RequestFailure;

/**
 * The one place where the native API's failures become RFC 9457 problem details, and
 * where each failed request is counted. Spring's own errors (unsupported media type,
 * wrong method) are problem details too ({@code spring.mvc.problemdetails.enabled}). The
 * shipper protocols answer in their own shapes, from their own, higher-ranked advice.
 */
@RestControllerAdvice
class ProblemResponses {

	private final Failures failures;

	ProblemResponses(Failures failures) {
		this.failures = failures;
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unauthenticated(UnauthenticatedException ex, HttpServletRequest request) {
		this.failures.unauthenticated(Protocol.NATIVE, request);
		return ResponseEntity.status(ProblemType.UNAUTHENTICATED.status())
			.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
			.body(ProblemType.UNAUTHENTICATED.problem(ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> ingestFailure(IngestException ex, HttpServletRequest request) {
		RequestFailure failure = this.failures.of(Protocol.NATIVE, request, ex);
		ProblemDetail problem = failure.type().problem(failure.detail());
		ResponseEntity.BodyBuilder response = ResponseEntity.status(failure.type().status());
		if (!failure.rejected().isEmpty()) {
			problem.setProperty("rejected", failure.rejected());
		}
		if (failure.limit() != null) {
			problem.setProperty("limit", failure.limit());
			problem.setProperty("limitValue", failure.limitValue());
		}
		if (failure.retryAfterSeconds() > 0) {
			response.header(HttpHeaders.RETRY_AFTER, Long.toString(failure.retryAfterSeconds()));
		}
		failure.headers().forEach(response::header);
		return response.body(problem);
	}

}
