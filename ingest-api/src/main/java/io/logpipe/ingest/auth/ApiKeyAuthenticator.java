package io.logpipe.ingest.auth;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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

	private static final String BEARER = "Bearer ";

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
	 * The client of an {@code Authorization: Bearer <key>} header, if the key is known.
	 */
	public Optional<AuthenticatedClient> authenticate(String authorizationHeader) {
		boolean bearer = authorizationHeader != null
				&& authorizationHeader.regionMatches(true, 0, BEARER, 0, BEARER.length());
		// A missing key is hashed and looked up like an unknown one, so that the two take
		// the same time and a prober cannot tell them apart.
		String key = bearer ? authorizationHeader.substring(BEARER.length()).strip() : "";
		AuthenticatedClient client = this.clientsByKeyHash.get(Sha256.hex(key));
		return (bearer && !key.isEmpty()) ? Optional.ofNullable(client) : Optional.empty();
	}

}
