package io.logpipe.ingest.protocol.splunk;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
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
import tools.jackson.databind.node.ObjectNode;

/**
 * Failures of the HEC endpoints as HEC answers them: 401 code 2 without a token, 401 code
 * 3 for another scheme, 403 code 4 for an unknown token, 400 code 6 (with
 * {@code invalid-event-number}) for bad data, and 503 code 9 "Server is busy" with
 * {@code Retry-After} for every transient failure (Kafka, overload, the key's rate
 * limit), the one answer every HEC client retries. {@code detail} says what exactly was
 * wrong.
 */
@RestControllerAdvice(assignableTypes = HecController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class HecErrors {

	private final Failures failures;

	private final HecResponses responses;

	HecErrors(Failures failures, EventCodec codec) {
		this.failures = failures;
		this.responses = new HecResponses(codec.mapper());
	}

	@ExceptionHandler
	ResponseEntity<String> unauthenticated(CredentialsRejectedException ex, HttpServletRequest request) {
		this.failures.of(Protocol.SPLUNK_HEC, request, ex);
		HecStatus status = switch (ex.reason()) {
			case MISSING -> HecStatus.TOKEN_REQUIRED;
			case UNSUPPORTED_SCHEME -> HecStatus.INVALID_AUTHORIZATION;
			case UNKNOWN_KEY -> HecStatus.INVALID_TOKEN;
		};
		return ResponseEntity.status(status.httpStatus())
			.header(HttpHeaders.WWW_AUTHENTICATE, "Splunk")
			.contentType(MediaType.APPLICATION_JSON)
			.body(this.responses.write(this.responses.object(status).put("detail", ex.getMessage())));
	}

	@ExceptionHandler
	ResponseEntity<String> failed(ProblemException ex, HttpServletRequest request) {
		RequestFailure failure = this.failures.of(Protocol.SPLUNK_HEC, request, ex);
		HecStatus status = status(ex, failure);
		HttpStatusCode httpStatus = (failure.kind() == ProblemType.BODY_TOO_LARGE
				|| failure.kind() == ProblemType.TOO_MANY_EVENTS) ? HttpStatus.CONTENT_TOO_LARGE : status.httpStatus();
		ObjectNode body = this.responses.object(status);
		int invalidEvent = (ex instanceof HecException hec) ? hec.invalidEventNumber()
				: failure.rejected().isEmpty() ? -1 : failure.rejected().getFirst().index();
		if (invalidEvent >= 0) {
			body.put("invalid-event-number", invalidEvent);
		}
		body.put("detail", failure.detail());
		ResponseEntity.BodyBuilder response = ResponseEntity.status(httpStatus).contentType(MediaType.APPLICATION_JSON);
		failure.headers().forEach(response::header);
		return response.body(this.responses.write(body));
	}

	private static HecStatus status(ProblemException ex, RequestFailure failure) {
		if (ex instanceof HecException hec) {
			return hec.hecStatus();
		}
		return failure.transientFailure() ? HecStatus.SERVER_BUSY : HecStatus.INVALID_DATA_FORMAT;
	}

}
