package io.logpipe.ingest.protocol;

/** What a protocol does with a request in which some items are rejected for good. */
public enum RejectionPolicy {

	/** Publish the good items, answer the bad ones item by item (Elasticsearch bulk). */
	PER_ITEM,

	/**
	 * Publish nothing and fail the request (the problem lists the rejected events as
	 * {@link io.logpipe.ingest.event.EventBatch#rejectedOf} reads them), for protocols
	 * whose answer cannot name the items (Splunk HEC).
	 */
	WHOLE_REQUEST

}
