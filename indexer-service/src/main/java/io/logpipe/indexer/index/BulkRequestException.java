package io.logpipe.indexer.index;

import java.io.IOException;

/**
 * Elasticsearch answered a bulk request as a whole with an error status (a 429 of a
 * circuit breaker, a 503 while no shard is available, ...): no item was stored. The
 * message names the status and Elasticsearch's error.
 */
public class BulkRequestException extends IOException {

	BulkRequestException(String message, Throwable cause) {
		super(message, cause);
	}

}
