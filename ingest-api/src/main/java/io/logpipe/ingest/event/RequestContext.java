package io.logpipe.ingest.event;

import java.time.Instant;

import io.logpipe.common.event.Category;
import io.logpipe.ingest.auth.AuthenticatedClient;

/**
 * What a request says about all of its events (from {@code X-Logpipe-*} headers or query
 * parameters); an event's own field wins over these.
 *
 * @param client who sent it
 * @param receivedAt when ingest accepted it
 * @param clientAddress where it came from
 * @param defaultService the service named by header or query parameter, if any
 * @param defaultHost the host named by header or query parameter, if any
 * @param defaultFormat the format hint named by header or query parameter, if any
 * @param defaultCategory the category named by header or query parameter, if any
 * @param idempotencyKey the client's {@code Idempotency-Key}, if any
 */
public record RequestContext(AuthenticatedClient client, Instant receivedAt, String clientAddress,
		String defaultService, String defaultHost, String defaultFormat, Category defaultCategory,
		String idempotencyKey) {
}
