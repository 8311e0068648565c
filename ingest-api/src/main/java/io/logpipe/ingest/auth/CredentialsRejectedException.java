package io.logpipe.ingest.auth;

import java.util.List;
import java.util.stream.Collectors;

import io.logpipe.ingest.problem.ProblemType;
import io.logpipe.service.problem.UnauthenticatedException;

/**
 * The request has no API key, or one ingest does not know. The native API gives the same
 * answer for every {@link Reason}; a protocol whose clients expect them told apart
 * (Splunk HEC: "token is required" vs "invalid token") reads {@link #reason()}.
 */
public class CredentialsRejectedException extends UnauthenticatedException {

	private final Reason reason;

	private final List<CredentialScheme> accepted;

	public CredentialsRejectedException(Reason reason, List<CredentialScheme> accepted) {
		super(ProblemType.UNAUTHENTICATED,
				"a valid API key is required: " + accepted.stream()
					.map((scheme) -> "Authorization: " + scheme.prefix() + " <key>")
					.collect(Collectors.joining(" or ")));
		this.reason = reason;
		this.accepted = List.copyOf(accepted);
	}

	public Reason reason() {
		return this.reason;
	}

	/** The schemes the endpoint accepts, for {@code WWW-Authenticate}. */
	public List<CredentialScheme> accepted() {
		return this.accepted;
	}

	/** Why the request is not authenticated. */
	public enum Reason {

		/** No {@code Authorization} header. */
		MISSING,

		/** A header in a scheme the endpoint does not accept, or without credentials. */
		UNSUPPORTED_SCHEME,

		/** A well-formed credential that names no configured key. */
		UNKNOWN_KEY

	}

}
