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
