package io.logpipe.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import io.logpipe.stack.ElasticsearchHttp;

/**
 * The benchmark's direct use of Elasticsearch over its REST API: the bulk-load ceiling,
 * document counts and the ids search that tells when an event became searchable.
 */
final class ElasticsearchBench {

	private static final int DOCUMENTS_PER_BULK = 1000;

	private final ElasticsearchHttp elasticsearch;

	private final JsonMapper json;

	ElasticsearchBench(URI base) {
		this.elasticsearch = new ElasticsearchHttp(base);
		this.json = this.elasticsearch.json();
	}

	String version() throws IOException, InterruptedException {
		JsonNode nodes = this.elasticsearch.get("/_nodes/_local?filter_path=nodes.*.version").path("nodes");
		for (JsonNode node : nodes) {
			return node.path("version").asString("unknown");
		}
		return "unknown";
	}

	/**
	 * Bulk-loads {@code documents} (parsed-topic values) into {@code dataStream} with
	 * {@code clients} concurrent clients, {@value #DOCUMENTS_PER_BULK} per request, each
	 * as a {@code create} under its own event id as the indexer does. The requests are
	 * built before the clock starts.
	 * @return documents per second
	 */
	double bulkLoad(String dataStream, List<byte[]> documents, int clients) throws Exception {
		List<byte[]> bodies = new ArrayList<>();
		StringBuilder body = new StringBuilder();
		int inBody = 0;
		for (byte[] document : documents) {
			String id = this.json.readTree(document).path("event").path("id").asString("");
			ObjectNode action = this.json.createObjectNode();
			action.putObject("create").put("_index", dataStream).put("_id", id);
			body.append(this.json.writeValueAsString(action))
				.append('\n')
				.append(new String(document, StandardCharsets.UTF_8))
				.append('\n');
			if (++inBody == DOCUMENTS_PER_BULK) {
				bodies.add(body.toString().getBytes(StandardCharsets.UTF_8));
				body.setLength(0);
				inBody = 0;
			}
		}
		if (inBody > 0) {
			bodies.add(body.toString().getBytes(StandardCharsets.UTF_8));
		}
		AtomicInteger next = new AtomicInteger();
		AtomicInteger failedItems = new AtomicInteger();
		long started = System.nanoTime();
		try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<?>> workers = new ArrayList<>();
			for (int client = 0; client < clients; client++) {
				workers.add(threads.submit(() -> {
					for (int i = next.getAndIncrement(); i < bodies.size(); i = next.getAndIncrement()) {
						JsonNode answer = this.elasticsearch.send(this.elasticsearch.request("/_bulk")
							.header("Content-Type", "application/x-ndjson")
							.POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(i))));
						if (answer.path("errors").asBoolean(false)) {
							answer.path("items").forEach((item) -> {
								if (item.path("create").path("status").asInt(500) >= 300) {
									failedItems.incrementAndGet();
								}
							});
						}
					}
					return null;
				}));
			}
			for (Future<?> worker : workers) {
				worker.get();
			}
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		if (failedItems.get() > 0) {
			throw new IllegalStateException(failedItems.get() + " documents of the bulk baseline failed");
		}
		return documents.size() / seconds;
	}

	/**
	 * Documents in {@code target}; 0 while it does not exist or its shards are not
	 * allocated yet.
	 */
	long count(String target) throws IOException, InterruptedException {
		return this.elasticsearch.count(target);
	}

	/**
	 * Makes sure the node may hold {@code dataStreams} more data streams of one shard
	 * each beside every shard it holds now: Elasticsearch refuses to create an index past
	 * {@code cluster.max_shards_per_node} (1,000 by default), which the scaling stage's
	 * thousand data streams would reach. Raises the setting only when needed. On close it
	 * puts the previous value back if the shards the node then holds fit under it: where
	 * the data streams could not be deleted, lowering it again would leave the node
	 * unable to create any index.
	 */
	AutoCloseable roomForDataStreams(int dataStreams) throws IOException, InterruptedException {
		long shards = shards();
		int nodes = Math.max(1, this.elasticsearch.get("/_cluster/health").path("number_of_data_nodes").asInt(1));
		JsonNode settings = this.elasticsearch
			.get("/_cluster/settings?include_defaults=true&flat_settings=true&filter_path=*." + MAX_SHARDS);
		JsonNode persistent = settings.path("persistent").path(MAX_SHARDS);
		long limit = (persistent.isMissingNode() ? settings.path("defaults").path(MAX_SHARDS) : persistent)
			.asLong(1000);
		// Room for the data streams of the trial's other stages too.
		long needed = (shards + dataStreams + SPARE_SHARDS + nodes - 1) / nodes;
		if (limit >= needed) {
			return () -> {
			};
		}
		putMaxShards(Long.toString(needed));
		return () -> {
			if (shards() + SPARE_SHARDS <= limit * nodes) {
				putMaxShards(persistent.isMissingNode() ? "null" : Long.toString(limit));
			}
			else {
				System.out.println("==> bench: " + MAX_SHARDS + " stays " + needed
						+ ": the node holds more shards than " + limit + " now");
			}
		};
	}

	private static final String MAX_SHARDS = "cluster.max_shards_per_node";

	private static final int SPARE_SHARDS = 100;

	private long shards() throws IOException, InterruptedException {
		JsonNode health = this.elasticsearch.get("/_cluster/health");
		return health.path("active_shards").asLong() + health.path("unassigned_shards").asLong();
	}

	private void putMaxShards(String value) throws IOException, InterruptedException {
		this.elasticsearch.put("/_cluster/settings", "{\"persistent\":{\"" + MAX_SHARDS + "\":" + value + "}}");
	}

	/**
	 * Deletes the data streams {@code pattern} matches, and their documents. Needs the
	 * data stream API, which Elasticsearch's smallest distribution (the one the build and
	 * the local runtime run) does not have: it answers 400 there.
	 */
	void deleteDataStreams(String pattern) throws IOException, InterruptedException {
		this.elasticsearch.delete("/_data_stream/" + pattern);
	}

	/** Which of {@code ids} a search of {@code target} finds now. */
	Set<String> searchable(String target, Collection<String> ids) throws IOException, InterruptedException {
		ObjectNode query = this.json.createObjectNode();
		query.put("size", ids.size()).put("_source", false);
		query.putObject("query").putObject("ids").putPOJO("values", ids);
		JsonNode answer = this.elasticsearch
			.poll(this.elasticsearch.request("/" + target + "/_search?ignore_unavailable=true&allow_no_indices=true")
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(this.json.writeValueAsString(query))));
		Set<String> found = new HashSet<>();
		answer.path("hits").path("hits").forEach((hit) -> found.add(hit.path("_id").asString()));
		return found;
	}

}
