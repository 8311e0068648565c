package io.logpipe.ingest.auth;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.logpipe.service.auth.ApiKey;
import io.logpipe.service.auth.ApiKeyRegistry;

/**
 * Finds the client of a request by its {@code Authorization} header, in whichever of the
 * accepted schemes it uses; the keys themselves are the shared {@link ApiKeyRegistry}
 * ({@code logpipe.auth.keys}), which compares them in constant time.
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
		// A missing key is looked up like an unknown one (the registry never matches an
		// empty key), so that the two take the same time and a prober cannot tell them
		// apart.
		ApiKey client = null;
		for (String key : keys.isEmpty() ? List.of("") : keys) {
			Optional<ApiKey> found = this.registry.authenticate(key);
			if (client == null && found.isPresent()) {
				client = found.get();
			}
		}
		if (client != null) {
			return new AuthenticatedClient(client.keySha256(), client.tenant(), client.categories());
		}
		CredentialsRejectedException.Reason reason = header.isEmpty() ? CredentialsRejectedException.Reason.MISSING
				: keys.isEmpty() ? CredentialsRejectedException.Reason.UNSUPPORTED_SCHEME
						: CredentialsRejectedException.Reason.UNKNOWN_KEY;
		throw new CredentialsRejectedException(reason, accepted);
	}

}
