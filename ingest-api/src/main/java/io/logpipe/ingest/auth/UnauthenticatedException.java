package io.logpipe.ingest.auth;

/** The request has no API key, or one ingest does not know: the same answer for both. */
public class UnauthenticatedException extends RuntimeException {

	public UnauthenticatedException() {
		super("a valid API key is required: Authorization: Bearer <key>");
	}

}
