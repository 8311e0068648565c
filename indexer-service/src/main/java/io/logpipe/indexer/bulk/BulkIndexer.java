package io.logpipe.indexer.bulk;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;

import org.springframework.stereotype.Component;

/**
 * Sends one bulk request of {@code create} operations and reports the outcome of every
 * item. The documents go as the JSON bytes they arrived in, without a second
 * serialization.
 */
@Component
public class BulkIndexer {

	private final ElasticsearchClient client;

	private final IndexingMetrics metrics;

	public BulkIndexer(ElasticsearchClient client, IndexingMetrics metrics) {
		this.client = client;
		this.metrics = metrics;
	}

	/**
	 * @throws IOException when Elasticsearch could not be reached; no item's outcome is
	 * known then
	 * @throws co.elastic.clients.elasticsearch._types.ElasticsearchException when it
	 * answered the request as a whole with an error (e.g. 429 circuit breaker, 503)
	 */
	public List<ItemResult> index(List<PendingDocument> documents) throws IOException {
		BulkRequest.Builder request = new BulkRequest.Builder();
		long bytes = 0;
		for (PendingDocument document : documents) {
			bytes += document.json().length;
			request.operations((operation) -> operation.create((create) -> create.index(document.dataStream())
				.id(document.id())
				.document(BinaryData.of(document.json(), ContentType.APPLICATION_JSON))));
		}
		long sent = this.metrics.bulkSent(documents.size(), bytes);
		BulkResponse response;
		try {
			response = this.client.bulk(request.build());
		}
		catch (IOException | RuntimeException ex) {
			this.metrics.bulkAnswered(sent, false);
			throw ex;
		}
		this.metrics.bulkAnswered(sent, true);
		List<BulkResponseItem> items = response.items();
		if (items.size() != documents.size()) {
			throw new IOException("bulk answered " + items.size() + " items for " + documents.size() + " documents");
		}
		List<ItemResult> results = new ArrayList<>(items.size());
		for (int i = 0; i < items.size(); i++) {
			BulkResponseItem item = items.get(i);
			ErrorCause error = item.error();
			ItemResult result = new ItemResult(documents.get(i), ItemOutcome.ofStatus(item.status()), item.status(),
					(error != null) ? error.type() : null, (error != null) ? error.reason() : null);
			this.metrics.outcome(result);
			results.add(result);
		}
		return results;
	}

}
