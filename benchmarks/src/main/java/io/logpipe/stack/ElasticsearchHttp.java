package io.logpipe.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Elasticsearch's REST API as the benchmark and the chaos runner use it: JSON in, JSON
 * out, over the JDK's HTTP client, with every call bounded in time.
 */
public final class ElasticsearchHttp {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private final URI base;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final JsonMapper json = JsonMapper.builder().build();

	public ElasticsearchHttp(URI base) {
		this.base = base;
	}

	public JsonMapper json() {
		return this.json;
	}

	/** A request to {@code path} (with its query string) on this node. */
	public HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(this.base.resolve(path)).timeout(TIMEOUT);
	}

	public JsonNode get(String path) throws IOException, InterruptedException {
		return send(request(path).GET());
	}

	public JsonNode post(String path, String jsonBody) throws IOException, InterruptedException {
		return send(request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(jsonBody)));
	}

	public JsonNode put(String path, String jsonBody) throws IOException, InterruptedException {
		return send(request(path).header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(jsonBody)));
	}

	public JsonNode delete(String path) throws IOException, InterruptedException {
		return send(request(path).DELETE());
	}

	/** Sends a request and reads its answer; any status of 300 or more fails. */
	public JsonNode send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return answer(this.http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
	}

	/**
	 * For the polling reads: a backing index that a data stream created a moment ago
	 * answers 503 ({@code no_shard_available_action_exception}) until its shard is
	 * allocated, which is "nothing yet", not a failure: an empty object then.
	 */
	public JsonNode poll(HttpRequest.Builder request) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() == 503) {
			return this.json.createObjectNode();
		}
		return answer(response);
	}

	/**
	 * Documents in {@code target}; 0 while it does not exist or its shards are not
	 * allocated yet.
	 */
	public long count(String target) throws IOException, InterruptedException {
		return poll(request("/" + target + "/_count?ignore_unavailable=true&allow_no_indices=true").GET()).path("count")
			.asLong(0);
	}

	private JsonNode answer(HttpResponse<String> response) throws IOException {
		if (response.statusCode() >= 300) {
			throw new IOException("Elasticsearch answered " + response.statusCode() + ": " + response.body());
		}
		return this.json.readTree(response.body());
	}

}
