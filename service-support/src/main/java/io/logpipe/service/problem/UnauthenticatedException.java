package io.logpipe.service.problem;

import org.springframework.http.HttpHeaders;

/**
 * The request carries no credentials, or ones the service does not know: 401 with
 * {@code WWW-Authenticate: Bearer} (RFC 9110 §11.6.1 requires the challenge on every
 * 401). Each service passes its own {@code unauthenticated} kind, so that its title and
 * its list of problem types stay its own.
 */
public class UnauthenticatedException extends ProblemException {

	public UnauthenticatedException(ProblemKind kind, String detail) {
		super(kind, detail);
		if (kind.status().value() != 401) {
			throw new IllegalArgumentException(kind + " is not a 401 problem kind");
		}
		withHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
	}

}
