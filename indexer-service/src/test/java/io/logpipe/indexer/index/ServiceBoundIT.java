package io.logpipe.indexer.index;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.logpipe.indexer.ElasticsearchQueries;
import io.logpipe.indexer.IndexerIntegrationTest;
import io.logpipe.indexer.TestDocuments;
import io.logpipe.testsupport.TestServers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A tenant with more services than {@code indexer.tenants.max-services-per-tenant}, on
 * real Kafka and Elasticsearch: it gets that many data streams and one overflow stream,
 * the overflowed documents keep their service and stay searchable by their tenant only,
 * they are counted, and a tenant whose id ends with the first one's keeps its own
 * streams. A tenant whose streams Elasticsearch already has (as after a restart, or from
 * another instance) is held to the bound from its first document.
 */
@IndexerIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "indexer-it.name=service-bound-it", "indexer.tenants.max-services-per-tenant=3",
				"logpipe.auth.keys[0].sha256=" + ServiceBoundIT.BOUND_KEY_SHA256,
				"logpipe.auth.keys[0].tenant=" + ServiceBoundIT.BOUND,
				"logpipe.auth.keys[1].sha256=" + ServiceBoundIT.OTHER_KEY_SHA256,
				"logpipe.auth.keys[1].tenant=" + ServiceBoundIT.OTHER })
class ServiceBoundIT {

	static final String BOUND = "boundacme";

	/** Ends with {@link #BOUND}: its streams must not fall into the other's pattern. */
	static final String OTHER = "xboundacme";

	/** Has {@code max-services-per-tenant} streams before the indexer sees it. */
	static final String RESTARTED = "boundrestart";

	static final String BOUND_KEY = "bound-key";

	static final String BOUND_KEY_SHA256 = "83de6f51d140f68150bcf8c26726a920379ddfda571aa07af1949af95c74d9ab";

	static final String OTHER_KEY = "other-bound-key";

	static final String OTHER_KEY_SHA256 = "ffdb017a3e61ae553b44a936cb5921f7e7bae0e8e02a1096f9deb30b53ca7307";

	private static final String TOPIC = "service-bound-it-parsed";

	private static final int SERVICES = 5;

	private static final int PER_SERVICE = 4;

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newHttpClient();

	private final ElasticsearchQueries elasticsearch = new ElasticsearchQueries(TestServers.elasticsearch().uri());

	@Autowired
	private MeterRegistry meters;

	@LocalServerPort
	private int port;

	@Test
	void servicesOverTheBoundShareTheTenantsOverflowStreamAndStayItsOwn() throws Exception {
		// the old streams must be data streams: written only once the indexer's template
		// is in
		await("index templates installed").atMost(Duration.ofSeconds(120))
			.ignoreExceptions()
			.until(() -> this.elasticsearch.call("GET", "/_index_template/logpipe-logs", null) != null);
		List<ObjectNode> documents = new ArrayList<>();
		for (int service = 0; service < SERVICES; service++) {
			documents.addAll(TestDocuments.documents(PER_SERVICE, "svc" + service, BOUND));
		}
		for (int service = 0; service < 3; service++) {
			documents.addAll(TestDocuments.documents(2, "svc" + service, OTHER));
			this.elasticsearch.call("POST", "/logs-old" + service + "-" + RESTARTED + "/_doc",
					json.writeValueAsString(TestDocuments.document("old" + service, RESTARTED)));
		}
		documents.addAll(TestDocuments.documents(2, "svcnew", RESTARTED));
		try (TestDocuments kafka = new TestDocuments()) {
			kafka.send(TOPIC, documents);
		}
		await("all documents indexed").atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> this.elasticsearch.count("logs-*-" + BOUND) == SERVICES * PER_SERVICE
					&& this.elasticsearch.count("logs-*-" + OTHER) == 6
					&& this.elasticsearch.count("logs-*-" + RESTARTED) == 5);

		String overflow = "logs-logpipe.overflow-" + BOUND;
		Set<String> boundStreams = dataStreams(BOUND);
		assertThat(boundStreams).hasSize(4).contains(overflow);
		assertThat(dataStreams(OTHER)).containsExactlyInAnyOrder("logs-svc0-" + OTHER, "logs-svc1-" + OTHER,
				"logs-svc2-" + OTHER);

		Set<String> overflowed = new TreeSet<>();
		for (int service = 0; service < SERVICES; service++) {
			if (!boundStreams.contains("logs-svc" + service + "-" + BOUND)) {
				overflowed.add("svc" + service);
			}
		}
		assertThat(overflowed).hasSize(2);
		assertThat(servicesIn(overflow)).containsExactlyElementsOf(overflowed);
		assertThat(this.elasticsearch.count(overflow)).isEqualTo(2L * PER_SERVICE);
		assertThat(this.meters.get(IndexingMetrics.OVERFLOW).tag("tenant", BOUND).counter().count())
			.isEqualTo(2.0 * PER_SERVICE);
		assertThat(this.meters.find(IndexingMetrics.OVERFLOW).tag("tenant", OTHER).counter()).isNull();

		assertThat(dataStreams(RESTARTED)).containsExactlyInAnyOrder("logs-old0-" + RESTARTED, "logs-old1-" + RESTARTED,
				"logs-old2-" + RESTARTED, "logs-logpipe.overflow-" + RESTARTED);
		assertThat(this.elasticsearch.count("logs-logpipe.overflow-" + RESTARTED)).isEqualTo(2);
		assertThat(this.meters.get(IndexingMetrics.OVERFLOW).tag("tenant", RESTARTED).counter().count()).isEqualTo(2.0);

		String oneOverflowed = overflowed.iterator().next();
		JsonNode byService = ok(search(BOUND_KEY, "service=" + oneOverflowed));
		assertThat(byService.get("total").asLong()).isEqualTo(PER_SERVICE);
		for (JsonNode document : byService.get("documents")) {
			assertThat(document.at("/service/name").asString()).isEqualTo(oneOverflowed);
			assertThat(document.at("/organization/id").asString()).isEqualTo(BOUND);
		}
		assertThat(ok(search(BOUND_KEY, "")).get("total").asLong()).isEqualTo(SERVICES * PER_SERVICE);
		JsonNode other = ok(search(OTHER_KEY, ""));
		assertThat(other.get("total").asLong()).isEqualTo(6);
		for (JsonNode document : other.get("documents")) {
			assertThat(document.at("/organization/id").asString()).isEqualTo(OTHER);
		}
	}

	private Set<String> dataStreams(String tenant) {
		JsonNode answer = this.elasticsearch.call("GET", "/_resolve/index/logs-*-" + tenant + "?expand_wildcards=all",
				null);
		Set<String> names = new TreeSet<>();
		answer.path("data_streams").forEach((stream) -> names.add(stream.path("name").asString()));
		return names;
	}

	private Set<String> servicesIn(String dataStream) {
		this.elasticsearch.call("POST", "/" + dataStream + "/_refresh", null);
		JsonNode answer = this.elasticsearch.search(dataStream, """
				{"size": 0, "aggs": {"services": {"terms": {"field": "service.name", "size": 100}}}}
				""");
		Set<String> services = new TreeSet<>();
		answer.at("/aggregations/services/buckets").forEach((bucket) -> services.add(bucket.path("key").asString()));
		return services;
	}

	private HttpResponse<String> search(String key, String query) throws Exception {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/search?" + query))
			.header("Authorization", "Bearer " + key)
			.build();
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static JsonNode ok(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

}
