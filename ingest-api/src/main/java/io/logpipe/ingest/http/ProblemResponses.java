package io.logpipe.ingest.http;

import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.logpipe.ingest.auth.UnauthenticatedException;
import io.logpipe.ingest.event.Rejection;
import io.logpipe.ingest.kafka.IngestKafkaProperties;
import io.logpipe.ingest.metrics.IngestMetrics;
import io.logpipe.ingest.problem.IngestException;
import io.logpipe.ingest.problem.LimitExceededException;
import io.logpipe.ingest.problem.NoValidEventsException;
import io.logpipe.ingest.problem.ProblemType;
import io.logpipe.ingest.problem.TooManyRequestsException;

/**
 * The one place where ingest's failures become RFC 9457 problem details, and where each
 * failed request is counted. Spring's own errors (unsupported media type, wrong method)
 * are problem details too ({@code spring.mvc.problemdetails.enabled}).
 */
@RestControllerAdvice
class ProblemResponses {

	private final IngestKafkaProperties kafka;

	private final IngestMetrics metrics;

	ProblemResponses(IngestKafkaProperties kafka, IngestMetrics metrics) {
		this.kafka = kafka;
		this.metrics = metrics;
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unauthenticated(UnauthenticatedException ex) {
		this.metrics.failed(ProblemType.UNAUTHENTICATED, List.of());
		return ResponseEntity.status(ProblemType.UNAUTHENTICATED.status())
			.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
			.body(ProblemType.UNAUTHENTICATED.problem(ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> ingestFailure(IngestException ex) {
		ProblemDetail problem = ex.type().problem(ex.getMessage());
		ResponseEntity.BodyBuilder response = ResponseEntity.status(ex.type().status());
		List<Rejection> rejected = List.of();
		if (ex instanceof NoValidEventsException noValidEvents) {
			rejected = noValidEvents.rejected();
			problem.setProperty("rejected", rejected);
		}
		if (ex instanceof LimitExceededException limitExceeded) {
			problem.setProperty("limit", limitExceeded.limit());
			problem.setProperty("limitValue", limitExceeded.value());
		}
		if (ex instanceof TooManyRequestsException tooMany) {
			response.header(HttpHeaders.RETRY_AFTER, Long.toString(tooMany.retryAfterSeconds()));
			tooMany.headers().forEach(response::header);
		}
		if (ex.type() == ProblemType.KAFKA_UNAVAILABLE) {
			response.header(HttpHeaders.RETRY_AFTER, Long.toString(this.kafka.retryAfter().toSeconds()));
		}
		this.metrics.failed(ex.type(), rejected);
		return response.body(problem);
	}

}
