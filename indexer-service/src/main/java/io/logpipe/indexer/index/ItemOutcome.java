package io.logpipe.indexer.index;

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

	/**
	 * 429 or 5xx: Elasticsearch is busy or failing; or a block on the index
	 * ({@code cluster_block_exception}, 403 for a write block an operator set, 429 for
	 * the block a disk flood-stage watermark sets): writes resume once it is lifted.
	 * Retry this item only.
	 */
	RETRY,

	/**
	 * Any other 4xx: mapping or document error; retrying cannot help, it goes to
	 * index-dlq.
	 */
	REJECTED;

	/** A block on the index, whatever the status: an operator or the disk lifts it. */
	static final String CLUSTER_BLOCK = "cluster_block_exception";

	static ItemOutcome of(int status, String errorType) {
		if (CLUSTER_BLOCK.equals(errorType)) {
			return RETRY;
		}
		return ofStatus(status);
	}

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
