package io.logpipe.ingest.auth;

import java.util.Set;

import io.logpipe.common.event.Category;

/**
 * The caller of a request, as its API key says.
 *
 * @param keySha256 the SHA-256 of the key (not a secret), naming it for rate limits
 * @param tenant the tenant every event of the request belongs to
 * @param categories the categories the key may write
 */
public record AuthenticatedClient(String keySha256, String tenant, Set<Category> categories) {

	public boolean mayWrite(Category category) {
		return this.categories.contains(category);
	}

}
