package io.logpipe.indexer.index;

/**
 * The outcome of one document in one bulk request.
 *
 * @param document the document
 * @param outcome what became of it
 * @param status the item's HTTP status
 * @param errorType Elasticsearch's error type (e.g. {@code document_parsing_exception}),
 * or null
 * @param errorReason Elasticsearch's reason, or null
 */
public record ItemResult(PendingDocument document, ItemOutcome outcome, int status, String errorType,
		String errorReason) {
}
