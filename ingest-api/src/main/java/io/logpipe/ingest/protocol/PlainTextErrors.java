package io.logpipe.ingest.protocol;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Error answers in plain text, with the reason as the body, for the protocols whose
 * clients read nothing more (Loki, GELF): log it and decide by the status.
 */
public final class PlainTextErrors {

	private PlainTextErrors() {
	}

	/**
	 * A 401 with a {@code Basic} challenge, which a JDK {@code Authenticator} answers.
	 */
	public static ResponseEntity<String> unauthenticated(String detail) {
		return ResponseEntity.status(401)
			.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"logpipe\"")
			.contentType(MediaType.TEXT_PLAIN)
			.body(detail + "\n");
	}

	/** The failure with the given status and its headers ({@code Retry-After}, ...). */
	public static ResponseEntity<String> failure(RequestFailure failure, HttpStatusCode status) {
		ResponseEntity.BodyBuilder answer = ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN);
		failure.headers().forEach(answer::header);
		return answer.body(failure.detail() + "\n");
	}

}
