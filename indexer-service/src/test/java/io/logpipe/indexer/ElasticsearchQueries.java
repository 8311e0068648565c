package io.logpipe.indexer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the tests ask Elasticsearch, over plain HTTP so that the assertions do not depend
 * on the client under test.
 */
public final class ElasticsearchQueries {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final URI base;

	public ElasticsearchQueries(URI base) {
		this.base = base;
	}

	/**
	 * Documents in the data stream: 0 when it does not exist yet, -1 while it cannot be
	 * counted.
	 */
	public long count(String dataStream) {
		try {
			JsonNode answer = call("GET", "/" + dataStream + "/_count?ignore_unavailable=true&allow_no_indices=true",
					null);
			return answer.path("count").asLong();
		}
		catch (IllegalStateException ex) {
			// 503 while the new data stream's shard starts
			return -1;
		}
	}

	/**
	 * Event ids stored more than once in the data stream: a terms aggregation on
	 * {@code event.id} (the {@code _id}) with {@code min_doc_count: 2}. Elasticsearch
	 * does not aggregate on {@code _id} itself by default.
	 */
	public Map<String, Long> duplicates(String dataStream) {
		call("POST", "/" + dataStream + "/_refresh?ignore_unavailable=true&allow_no_indices=true", null);
		JsonNode answer = call("POST", "/" + dataStream + "/_search?ignore_unavailable=true&allow_no_indices=true", """
				{"size": 0, "aggs": {"ids": {"terms": {"field": "event.id", "min_doc_count": 2, "size": 100}}}}
				""");
		Map<String, Long> duplicates = new LinkedHashMap<>();
		for (JsonNode bucket : answer.path("aggregations").path("ids").path("buckets")) {
			duplicates.put(bucket.path("key").asString(), bucket.path("doc_count").asLong());
		}
		return duplicates;
	}

	/** Number of leaf fields in the mappings of the data stream's backing indices. */
	public int mappedFields(String dataStream) {
		JsonNode answer = call("GET", "/" + dataStream + "/_mapping", null);
		int fields = 0;
		for (JsonNode index : answer) {
			fields += leaves(index.path("mappings").path("properties"));
		}
		return fields;
	}

	private static int leaves(JsonNode properties) {
		int count = 0;
		for (JsonNode field : properties) {
			count += field.has("properties") ? leaves(field.path("properties")) : 1;
		}
		return count;
	}

	public void putSettings(String target, String settings) {
		call("PUT", "/" + target + "/_settings", settings);
	}

	public JsonNode search(String dataStream, String body) {
		call("POST", "/" + dataStream + "/_refresh", null);
		return call("POST", "/" + dataStream + "/_search", body);
	}

	public JsonNode call(String method, String path, String body) {
		HttpRequest request = HttpRequest.newBuilder(this.base.resolve(path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody())
			.build();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() >= 300) {
				throw new IllegalStateException(
						method + " " + path + " answered " + response.statusCode() + ": " + response.body());
			}
			return json.readTree(response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(method + " " + path + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
