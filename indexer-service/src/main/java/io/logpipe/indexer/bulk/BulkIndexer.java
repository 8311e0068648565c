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

	public BulkIndexer(ElasticsearchClient client) {
		this.client = client;
	}

	/**
	 * @throws IOException when Elasticsearch could not be reached or answered the request
	 * as a whole with an error; no item's outcome is known then
	 */
	public List<ItemResult> index(List<PendingDocument> documents) throws IOException {
		BulkRequest.Builder request = new BulkRequest.Builder();
		for (PendingDocument document : documents) {
			request.operations((operation) -> operation.create((create) -> create.index(document.dataStream())
				.id(document.id())
				.document(BinaryData.of(document.json(), ContentType.APPLICATION_JSON))));
		}
		BulkResponse response = this.client.bulk(request.build());
		List<BulkResponseItem> items = response.items();
		if (items.size() != documents.size()) {
			throw new IOException("bulk answered " + items.size() + " items for " + documents.size() + " documents");
		}
		List<ItemResult> results = new ArrayList<>(items.size());
		for (int i = 0; i < items.size(); i++) {
			BulkResponseItem item = items.get(i);
			ErrorCause error = item.error();
			results.add(new ItemResult(documents.get(i), ItemOutcome.ofStatus(item.status()), item.status(),
					(error != null) ? error.type() : null, (error != null) ? error.reason() : null));
		}
		return results;
	}

}
