package io.logpipe.ingest.auth;

import java.util.List;

import org.springframework.stereotype.Component;

import io.logpipe.service.auth.ApiKeyRegistry;

/**
 * Finds the client of a request by its {@code Authorization} header, in one of the
 * schemes its endpoint accepts; the keys themselves are the shared {@link ApiKeyRegistry}
 * ({@code logpipe.auth.keys}), which never stores or logs a key.
 */
@Component
public class ApiKeyAuthenticator {

	private final ApiKeyRegistry registry;

	public ApiKeyAuthenticator(ApiKeyRegistry registry) {
		this.registry = registry;
	}

	/**
	 * The client of an {@code Authorization} header in one of the accepted schemes.
	 * @throws CredentialsRejectedException when there is no header, it uses another
	 * scheme, or its key is unknown
	 */
	public AuthenticatedClient authenticate(String authorizationHeader, List<CredentialScheme> accepted) {
		String header = (authorizationHeader != null) ? authorizationHeader.strip() : "";
		CredentialScheme scheme = accepted.stream()
			.filter((candidate) -> candidate.matches(header))
			.findFirst()
			.orElse(null);
		List<String> keys = (scheme != null) ? scheme.candidateKeys(header) : List.of();
		// A missing key is looked up like an unknown one, and every candidate is looked
		// up
		// even after a match, so that timing tells a prober nothing.
		AuthenticatedClient client = null;
		for (String key : keys.isEmpty() ? List.of("") : keys) {
			AuthenticatedClient found = this.registry.authenticate(key)
				.map((apiKey) -> new AuthenticatedClient(apiKey.keySha256(), apiKey.tenant(), apiKey.categories()))
				.orElse(null);
			if (client == null) {
				client = found;
			}
		}
		if (client != null) {
			return client;
		}
		CredentialsRejectedException.Reason reason = header.isEmpty() ? CredentialsRejectedException.Reason.MISSING
				: keys.isEmpty() ? CredentialsRejectedException.Reason.UNSUPPORTED_SCHEME
						: CredentialsRejectedException.Reason.UNKNOWN_KEY;
		throw new CredentialsRejectedException(reason, accepted);
	}

}
