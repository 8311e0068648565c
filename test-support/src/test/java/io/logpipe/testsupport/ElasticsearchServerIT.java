package io.logpipe.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ElasticsearchServerIT {

	private static HttpClient http;

	private static URI elasticsearch;

	@BeforeAll
	static void startElasticsearch() {
		http = HttpClient.newHttpClient();
		elasticsearch = TestServers.elasticsearch().uri();
	}

	@AfterAll
	static void closeClient() {
		http.close();
	}

	@Test
	void listensOnLoopbackWithoutTls() {
		assertThat(elasticsearch.getScheme()).isEqualTo("http");
		assertThat(elasticsearch.getHost()).isIn("127.0.0.1", "localhost");
		assertThat(elasticsearch.getPort()).isPositive();
	}

	@Test
	void isTheSameNodeForEveryCaller() {
		assertThat(TestServers.elasticsearch()).isSameAs(TestServers.elasticsearch());
	}

	@Test
	void clusterHealthIsGreenOrYellow() throws Exception {
		HttpResponse<String> health = send(HttpRequest.newBuilder(elasticsearch.resolve("/_cluster/health")).GET());

		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).containsPattern("\"status\":\"(green|yellow)\"").contains("\"number_of_nodes\":1");
	}

	@Test
	void findsADocumentIndexedWithBulk() throws Exception {
		String index = "it-bulk-" + UUID.randomUUID();
		String id = UUID.randomUUID().toString();
		String bulk = """
				{"create":{"_index":"%s","_id":"%s"}}
				{"message":"payment declined for order 4711","service":{"name":"checkout"}}
				""".formatted(index, id);

		HttpResponse<String> indexed = send(HttpRequest.newBuilder(elasticsearch.resolve("/_bulk?refresh=true"))
			.header("Content-Type", "application/x-ndjson")
			.POST(HttpRequest.BodyPublishers.ofString(bulk)));
		HttpResponse<String> found = send(HttpRequest.newBuilder(elasticsearch.resolve("/" + index + "/_search"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("""
					{"query":{"match":{"message":"declined"}}}
					""")));

		assertThat(indexed.statusCode()).isEqualTo(200);
		assertThat(indexed.body()).contains("\"errors\":false").contains("\"result\":\"created\"");
		assertThat(found.statusCode()).isEqualTo(200);
		assertThat(found.body()).contains("\"total\":{\"value\":1,")
			.contains("\"_id\":\"" + id + "\"")
			.contains("\"message\":\"payment declined for order 4711\"");
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
