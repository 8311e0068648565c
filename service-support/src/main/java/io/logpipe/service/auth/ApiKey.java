package io.logpipe.service.auth;

import java.util.Set;

import io.logpipe.common.event.Category;

/**
 * A configured API key that a request presented.
 *
 * @param keySha256 the lower-case hex SHA-256 of the key (not a secret), naming it for
 * rate limits and logs
 * @param tenant the tenant the key writes and reads
 * @param categories the categories the key may write
 */
public record ApiKey(String keySha256, String tenant, Set<Category> categories) {

}
