package io.logpipe.chaos;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import io.logpipe.stack.ElasticsearchHttp;

/**
 * What Elasticsearch holds of one scenario's events (all of them carry the scenario's
 * service name): how often each {@code event.id} is stored, read with a composite
 * aggregation page by page, so no result window (10,000 hits by default) caps the count,
 * and compared with what ingest-api acknowledged.
 */
final class StoredEvents {

	private static final int PAGE = 10_000;

	/** Every data stream of logs; the service name picks the scenario's. */
	private static final String LOGS = "/logs-*/";

	private static final String LENIENT = "ignore_unavailable=true&allow_no_indices=true";

	private final ElasticsearchHttp elasticsearch;

	private final String service;

	StoredEvents(ElasticsearchHttp elasticsearch, String service) {
		this.elasticsearch = elasticsearch;
		this.service = service;
	}

	/** Documents of the scenario whose events carry a time at or before {@code time}. */
	long countUpTo(Instant time) throws IOException, InterruptedException {
		ObjectNode body = this.elasticsearch.json().createObjectNode();
		ObjectNode bool = body.putObject("query").putObject("bool");
		bool.putArray("filter")
			.add(serviceFilter())
			.addObject()
			.putObject("range")
			.putObject("@timestamp")
			.put("lte", time.toEpochMilli())
			.put("format", "epoch_millis");
		return this.elasticsearch
			.poll(this.elasticsearch.request(LOGS + "_count?" + LENIENT)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body.toString())))
			.path("count")
			.asLong(0);
	}

	/** All documents of the scenario. */
	long count() throws IOException, InterruptedException {
		return countUpTo(Instant.ofEpochMilli(Long.MAX_VALUE / 4));
	}

	/** How many documents carry each {@code event.id}. */
	Map<String, Integer> copiesById() throws IOException, InterruptedException {
		this.elasticsearch
			.send(this.elasticsearch.request(LOGS + "_refresh?" + LENIENT).POST(HttpRequest.BodyPublishers.noBody()));
		Map<String, Integer> copies = new HashMap<>();
		JsonNode after = null;
		while (true) {
			ObjectNode body = this.elasticsearch.json().createObjectNode();
			body.put("size", 0);
			body.putObject("query").putObject("bool").putArray("filter").add(serviceFilter());
			ObjectNode composite = body.putObject("aggs").putObject("ids").putObject("composite");
			composite.put("size", PAGE);
			composite.putArray("sources").addObject().putObject("id").putObject("terms").put("field", "event.id");
			if (after != null) {
				composite.set("after", after);
			}
			JsonNode ids = this.elasticsearch.post(LOGS + "_search?" + LENIENT, body.toString())
				.path("aggregations")
				.path("ids");
			for (JsonNode bucket : ids.path("buckets")) {
				copies.put(bucket.path("key").path("id").asString(), bucket.path("doc_count").asInt());
			}
			after = ids.get("after_key");
			if (after == null || ids.path("buckets").isEmpty()) {
				return copies;
			}
		}
	}

	/**
	 * Compares what is stored with what was acknowledged.
	 * @return acknowledged ids that are missing, and extra copies: every copy of an id
	 * beyond the first, and every document whose id no acknowledgement accounts for
	 */
	static Check check(Set<String> acknowledged, Map<String, Integer> stored) {
		long lost = acknowledged.stream().filter((id) -> !stored.containsKey(id)).count();
		long duplicated = 0;
		for (Map.Entry<String, Integer> entry : stored.entrySet()) {
			duplicated += acknowledged.contains(entry.getKey()) ? entry.getValue() - 1 : entry.getValue();
		}
		return new Check(lost, duplicated);
	}

	private ObjectNode serviceFilter() {
		ObjectNode term = this.elasticsearch.json().createObjectNode();
		term.putObject("term").put("service.name", this.service);
		return term;
	}

	record Check(long lost, long duplicated) {
	}

}
