package io.logpipe.indexer.index;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import co.elastic.clients.transport.rest5_client.low_level.Request;
import co.elastic.clients.transport.rest5_client.low_level.Response;
import co.elastic.clients.transport.rest5_client.low_level.ResponseException;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Component;

import io.logpipe.common.codec.EventCodec;

/**
 * Sends one bulk request of {@code create} operations and reports the outcome of every
 * item. The documents go as the JSON bytes they arrived in, without a second
 * serialization, in one body ({@link BulkBody}) over the low-level client, and the answer
 * is read in one streaming pass ({@link BulkAnswer}).
 */
@Component
public class BulkIndexer {

	private static final ContentType NDJSON = ContentType.create("application/x-ndjson");

	/**
	 * What {@link BulkAnswer} reads of each item, and nothing else: without it, every
	 * item of the answer carries its index, id, version, result, shards, sequence number
	 * and primary term, about 200 bytes that Elasticsearch writes and this service parses
	 * and throws away (the indexer's JFR profile had the answer's parsing at 6% of its
	 * samples).
	 */
	static final String ANSWER_FILTER = "items.*.status,items.*.error.type,items.*.error.reason,error.type,error.reason";

	private final Rest5Client client;

	private final ObjectMapper json;

	private final IndexingMetrics metrics;

	private final BulkWatchdog watchdog;

	public BulkIndexer(Rest5Client client, EventCodec codec, IndexingMetrics metrics, BulkWatchdog watchdog) {
		this.client = client;
		this.json = codec.mapper();
		this.metrics = metrics;
		this.watchdog = watchdog;
	}

	/**
	 * @throws BulkRequestException when Elasticsearch answered the request as a whole
	 * with an error (e.g. 429 circuit breaker, 503)
	 * @throws IOException when Elasticsearch could not be reached or its answer could not
	 * be read; no item's outcome is known then
	 */
	public List<ItemResult> index(List<PendingDocument> documents) throws IOException {
		byte[] body = BulkBody.of(documents);
		Request request = new Request("POST", "/_bulk");
		request.addParameter("filter_path", ANSWER_FILTER);
		request.setEntity(new ByteArrayEntity(body, NDJSON));
		long sent = this.metrics.bulkSent(documents.size(), body.length);
		List<BulkAnswer.Item> items;
		long watched = this.watchdog.started();
		try {
			Response response = this.client.performRequest(request);
			if (response.getStatusCode() >= 300) {
				// Rest5Client throws only for 5xx: a whole-request 4xx (429 of a circuit
				// breaker, 413) comes back as an answer without items.
				throw rejected(response, null);
			}
			try (InputStream answer = response.getEntity().getContent()) {
				items = BulkAnswer.items(this.json, answer);
			}
		}
		catch (ResponseException ex) {
			this.metrics.bulkAnswered(sent, false);
			throw rejected(ex.getResponse(), ex);
		}
		catch (IOException | RuntimeException ex) {
			this.metrics.bulkAnswered(sent, false);
			throw ex;
		}
		finally {
			this.watchdog.finished(watched);
		}
		this.metrics.bulkAnswered(sent, true);
		if (items.size() != documents.size()) {
			throw new IOException("bulk answered " + items.size() + " items for " + documents.size() + " documents");
		}
		List<ItemResult> results = new ArrayList<>(items.size());
		for (int i = 0; i < items.size(); i++) {
			BulkAnswer.Item item = items.get(i);
			results.add(new ItemResult(documents.get(i), ItemOutcome.of(item.status(), item.errorType()), item.status(),
					item.errorType(), item.errorReason()));
		}
		this.metrics.outcomes(results);
		return results;
	}

	private BulkRequestException rejected(Response response, ResponseException cause) {
		int status = response.getStatusCode();
		String error = "";
		try {
			JsonNode answer = this.json.readTree(EntityUtils.toString(response.getEntity()));
			error = ": " + answer.path("error").path("type").asString("") + ": "
					+ answer.path("error").path("reason").asString("");
		}
		catch (Exception unreadable) {
			// the status alone must do
		}
		return new BulkRequestException("Elasticsearch answered " + status + " to the bulk request" + error, cause);
	}

}
