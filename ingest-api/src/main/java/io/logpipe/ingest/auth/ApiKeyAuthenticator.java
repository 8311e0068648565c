package io.logpipe.ingest.auth;

import java.util.Optional;

import org.springframework.stereotype.Component;

import io.logpipe.service.auth.ApiKeyRegistry;

/**
 * Finds the client of a request by its {@code Authorization: Bearer <key>} header; the
 * keys themselves are the shared {@link ApiKeyRegistry} ({@code logpipe.auth.keys}).
 */
@Component
public class ApiKeyAuthenticator {

	private static final String BEARER = "Bearer ";

	private final ApiKeyRegistry registry;

	public ApiKeyAuthenticator(ApiKeyRegistry registry) {
		this.registry = registry;
	}

	/**
	 * The client of an {@code Authorization: Bearer <key>} header, if the key is known.
	 */
	public Optional<AuthenticatedClient> authenticate(String authorizationHeader) {
		boolean bearer = authorizationHeader != null
				&& authorizationHeader.regionMatches(true, 0, BEARER, 0, BEARER.length());
		// A missing key is looked up like an unknown one, so that the two take the same
		// time and a prober cannot tell them apart.
		String key = bearer ? authorizationHeader.substring(BEARER.length()).strip() : "";
		return this.registry.authenticate(key)
			.map((found) -> new AuthenticatedClient(found.keySha256(), found.tenant(), found.categories()));
	}

}
