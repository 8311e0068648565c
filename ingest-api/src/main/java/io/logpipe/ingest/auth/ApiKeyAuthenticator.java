package io.logpipe.ingest.auth;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import io.logpipe.common.id.Sha256;

/**
 * Finds the client an API key belongs to. The presented key is hashed and looked up by
 * its hash, so a missing and an unknown key take the same path; the key itself is never
 * stored or logged.
 */
@Component
public class ApiKeyAuthenticator {

	private static final Logger logger = LoggerFactory.getLogger(ApiKeyAuthenticator.class);

	private final Map<String, AuthenticatedClient> clientsByKeyHash = new HashMap<>();

	public ApiKeyAuthenticator(ApiKeyProperties properties) {
		for (ApiKeyProperties.Key key : properties.keys()) {
			String hash = key.sha256().toLowerCase(Locale.ROOT);
			this.clientsByKeyHash.put(hash, new AuthenticatedClient(hash, key.tenant(), key.categories()));
		}
		if (this.clientsByKeyHash.isEmpty()) {
			logger.warn("No API keys are configured (ingest.auth.keys): every request will get 401");
		}
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
		// A missing key is hashed and looked up like an unknown one, so that the two take
		// the same time and a prober cannot tell them apart.
		AuthenticatedClient client = null;
		for (String key : keys.isEmpty() ? List.of("") : keys) {
			AuthenticatedClient found = this.clientsByKeyHash.get(Sha256.hex(key));
			if (client == null && !keys.isEmpty()) {
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
