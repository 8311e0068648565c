package io.logpipe.common.event;

/**
 * Where a raw record came from, as far as ingest could tell.
 *
 * @param service the emitting service; used for routing, ordering and the data stream
 * name
 * @param host the host the client named, if any
 * @param environment the deployment environment the client named, if any
 * @param clientAddress the address the HTTP request came from
 */
public record Source(String service, String host, String environment, String clientAddress) {

	/** The service name used when a client names none. */
	public static final String UNKNOWN_SERVICE = "unknown";

}
