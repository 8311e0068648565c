package io.logpipe.ingest.protocol.elasticsearch;

import java.util.Arrays;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.logpipe.common.codec.EventCodec;
import io.logpipe.ingest.auth.CredentialsRejectedException;
import io.logpipe.ingest.problem.ProblemType;
import io.logpipe.ingest.protocol.Failures;
import io.logpipe.ingest.protocol.Protocol;
import io.logpipe.ingest.protocol.RequestFailure;
import io.logpipe.service.problem.ProblemException;

/**
 * Failures of the Elasticsearch endpoints in Elasticsearch's error shape. Transient
 * trouble fails the whole request with the codes every shipper retries: 429
 * {@code es_rejected_execution_exception} for a rate limit or overload (what a busy
 * Elasticsearch answers), 503 while Kafka does not acknowledge; both with
 * {@code Retry-After}. A body too large is 413, which Filebeat answers by splitting the
 * batch.
 */
@RestControllerAdvice(assignableTypes = { BulkController.class, ProbesController.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
class ElasticsearchErrors {

	private final Failures failures;

	private final ElasticsearchResponses responses;

	ElasticsearchErrors(Failures failures, EventCodec codec) {
		this.failures = failures;
		this.responses = new ElasticsearchResponses(codec.mapper());
	}

	@ExceptionHandler
	ResponseEntity<String> unauthenticated(CredentialsRejectedException ex, HttpServletRequest request) {
		this.failures.of(Protocol.ELASTICSEARCH, request, ex);
		HttpStatus status = HttpStatus.UNAUTHORIZED;
		return ElasticsearchResponses.status(status)
			.header(HttpHeaders.WWW_AUTHENTICATE, "ApiKey", "Basic realm=\"logpipe\", charset=\"UTF-8\"", "Bearer")
			.body(this.responses.write(this.responses.error(status, "security_exception", ex.getMessage())));
	}

	@ExceptionHandler
	ResponseEntity<String> failed(ProblemException ex, HttpServletRequest request) {
		RequestFailure failure = this.failures.of(Protocol.ELASTICSEARCH, request, ex);
		HttpStatusCode status = failure.kind().status();
		ResponseEntity.BodyBuilder response = ElasticsearchResponses.status(status);
		failure.headers().forEach(response::header);
		String type = failure.rejected().isEmpty() ? errorType(failure.kind().slug())
				: errorType(failure.rejected().getFirst().reason());
		return response.body(this.responses.write(this.responses.error(status, type, failure.detail())));
	}

	/** The Elasticsearch error type closest to a logpipe problem type. */
	static String errorType(String slug) {
		ProblemType type = Arrays.stream(ProblemType.values())
			.filter((candidate) -> candidate.slug().equals(slug))
			.findFirst()
			.orElse(ProblemType.INVALID_EVENT);
		return switch (type) {
			case INVALID_EVENT, EVENT_TOO_LARGE, EVENT_TOO_COMPLEX -> "document_parsing_exception";
			case RATE_LIMITED, OVERLOADED -> "es_rejected_execution_exception";
			case KAFKA_UNAVAILABLE -> "unavailable_shards_exception";
			case UNAUTHENTICATED, CATEGORY_FORBIDDEN -> "security_exception";
			case BODY_TOO_LARGE, TOO_MANY_EVENTS -> "content_too_long_exception";
			case MALFORMED_BODY -> "parse_exception";
			default -> "illegal_argument_exception";
		};
	}

}
