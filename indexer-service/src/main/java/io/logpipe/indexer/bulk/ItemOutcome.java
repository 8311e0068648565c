package io.logpipe.indexer.bulk;

/**
 * What became of one item of a bulk request. Elasticsearch answers a bulk with 200 even
 * when items failed, so every item is judged on its own status.
 */
public enum ItemOutcome {

	/** Created now. */
	INDEXED,

	/**
	 * 409 on create: a document with this id is already there, from an earlier delivery.
	 */
	ALREADY_EXISTS,

	/** 429 or 5xx: Elasticsearch is busy or failing; retry this item only. */
	RETRY,

	/**
	 * Any other 4xx: mapping or document error; retrying cannot help, it goes to
	 * index-dlq.
	 */
	REJECTED;

	static ItemOutcome ofStatus(int status) {
		if (status == 200 || status == 201) {
			return INDEXED;
		}
		if (status == 409) {
			return ALREADY_EXISTS;
		}
		if (status == 429 || status >= 500) {
			return RETRY;
		}
		return REJECTED;
	}

}
