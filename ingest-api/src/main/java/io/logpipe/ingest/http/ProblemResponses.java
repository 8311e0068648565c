package io.logpipe.ingest.http;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.logpipe.ingest.auth.UnauthenticatedException;
import io.logpipe.ingest.kafka.IngestKafkaProperties;
import io.logpipe.ingest.problem.IngestException;
import io.logpipe.ingest.problem.NoValidEventsException;
import io.logpipe.ingest.problem.ProblemType;

/**
 * The one place where ingest's failures become RFC 9457 problem details. Spring's own
 * errors (unsupported media type, wrong method) are problem details too
 * ({@code spring.mvc.problemdetails.enabled}).
 */
@RestControllerAdvice
class ProblemResponses {

	private final IngestKafkaProperties kafka;

	ProblemResponses(IngestKafkaProperties kafka) {
		this.kafka = kafka;
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unauthenticated(UnauthenticatedException ex) {
		return ResponseEntity.status(ProblemType.UNAUTHENTICATED.status())
			.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
			.body(problem(ProblemType.UNAUTHENTICATED, ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> ingestFailure(IngestException ex) {
		ProblemDetail problem = problem(ex.type(), ex.getMessage());
		ResponseEntity.BodyBuilder response = ResponseEntity.status(ex.type().status());
		if (ex instanceof NoValidEventsException noValidEvents) {
			problem.setProperty("rejected", noValidEvents.rejected());
		}
		if (ex.type() == ProblemType.KAFKA_UNAVAILABLE) {
			response.header(HttpHeaders.RETRY_AFTER, Long.toString(this.kafka.retryAfter().toSeconds()));
		}
		return response.body(problem);
	}

	static ProblemDetail problem(ProblemType type, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(type.status(), detail);
		problem.setType(type.uri());
		problem.setTitle(type.title());
		return problem;
	}

}
