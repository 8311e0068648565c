package io.logpipe.ingest.protocol.otlp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import com.google.protobuf.CodedOutputStream;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.logpipe.common.codec.EventCodec;
import io.logpipe.ingest.auth.CredentialsRejectedException;
import io.logpipe.ingest.protocol.Failures;
import io.logpipe.ingest.protocol.Protocol;
import io.logpipe.ingest.protocol.RequestFailure;
import io.logpipe.service.problem.ProblemException;

/**
 * OTLP's errors, as the specification asks: the body is a {@code google.rpc.Status} in
 * the request's encoding; 400 for bad data, which no client retries; 429 (rate limit,
 * in-flight bytes) and 503 (Kafka did not acknowledge) with {@code Retry-After}, the
 * codes OTLP clients retry (they never retry a 500).
 */
@RestControllerAdvice(assignableTypes = OtlpController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class OtlpErrors {

	/** gRPC status codes, which {@code google.rpc.Status.code} carries. */
	private static final Map<Integer, Integer> GRPC_CODE_BY_STATUS = Map.of(400, 3, 401, 16, 403, 7, 413, 8, 415, 3,
			429, 8, 503, 14);

	private static final int GRPC_INTERNAL = 13;

	private final Failures failures;

	private final EventCodec codec;

	OtlpErrors(Failures failures, EventCodec codec) {
		this.failures = failures;
		this.codec = codec;
	}

	@ExceptionHandler
	ResponseEntity<byte[]> unauthenticated(CredentialsRejectedException ex, HttpServletRequest request) {
		this.failures.of(Protocol.OTLP, request, ex);
		return status(HttpStatus.UNAUTHORIZED, request).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
			.body(body(HttpStatus.UNAUTHORIZED, ex.getMessage(), request));
	}

	@ExceptionHandler
	ResponseEntity<byte[]> failed(ProblemException ex, HttpServletRequest request) {
		RequestFailure failure = this.failures.of(Protocol.OTLP, request, ex);
		HttpStatus status = HttpStatus.valueOf(failure.kind().status().value());
		ResponseEntity.BodyBuilder answer = status(status, request);
		failure.headers().forEach(answer::header);
		return answer.body(body(status, failure.detail(), request));
	}

	private static ResponseEntity.BodyBuilder status(HttpStatus status, HttpServletRequest request) {
		return ResponseEntity.status(status)
			.header(HttpHeaders.CONTENT_TYPE, OtlpEncoding.of(request.getContentType()).mediaType());
	}

	private byte[] body(HttpStatus status, String message, HttpServletRequest request) {
		int code = GRPC_CODE_BY_STATUS.getOrDefault(status.value(), GRPC_INTERNAL);
		if (OtlpEncoding.of(request.getContentType()) == OtlpEncoding.JSON) {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("code", code);
			json.put("message", message);
			return this.codec.mapper().writeValueAsBytes(json);
		}
		// google.rpc.Status {int32 code = 1; string message = 2;}: two fields, written
		// directly rather than pulling in the common protos for them.
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		CodedOutputStream out = CodedOutputStream.newInstance(bytes);
		try {
			out.writeInt32(1, code);
			out.writeString(2, message);
			out.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

}
