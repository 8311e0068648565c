package io.logpipe.indexer.search;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import io.logpipe.common.id.EventIds;
import io.logpipe.indexer.ElasticsearchQueries;
import io.logpipe.indexer.TestDocuments;
import io.logpipe.testsupport.TestServers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code GET /api/v1/search} on a real Elasticsearch, with documents indexed by the
 * indexer itself from Kafka: a key sees its own tenant's documents only, whatever the
 * query string says; pages follow each other without repeats or gaps; a query that
 * Elasticsearch cannot parse and bounds that are exceeded are 400s that say why.
 */
@ReadSideIT
class SearchApiIT {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newHttpClient();

	/**
	 * Every document is older; tests whose counts must not see the paging test's newer
	 * one end here.
	 */
	private static final Instant NOW = Instant.now();

	/** The ids of acme's 30 "payment declined" documents, newest first. */
	private static final List<String> declinedNewestFirst = new ArrayList<>();

	@LocalServerPort
	private int port;

	@BeforeAll
	static void indexDocuments() {
		List<ObjectNode> documents = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			// one document every 10 s, i = 0 the newest
			ObjectNode document = TestDocuments.document("checkout", ReadSideIT.ACME, EventIds.newId(),
					NOW.minusSeconds(10L * i + 5));
			document.put("message", "payment declined for order " + i);
			document.putObject("log").put("level", (i % 2 == 0) ? "WARN" : "ERROR");
			document.putObject("host").put("name", "web-" + (i % 3));
			documents.add(document);
			declinedNewestFirst.add(document.at("/event/id").asString());
		}
		for (int i = 0; i < 5; i++) {
			ObjectNode document = TestDocuments.document("cart", ReadSideIT.ACME, EventIds.newId(),
					NOW.minusSeconds(30L * i + 7));
			document.put("message", "cart created");
			document.putObject("log").put("level", "INFO");
			documents.add(document);
		}
		ObjectNode old = TestDocuments.document("checkout", ReadSideIT.ACME, EventIds.newId(),
				NOW.minus(Duration.ofHours(2)));
		old.put("message", "payment declined long ago");
		documents.add(old);
		for (int i = 0; i < 5; i++) {
			ObjectNode document = TestDocuments.document("checkout", ReadSideIT.GLOBEX, EventIds.newId(),
					NOW.minusSeconds(20L * i + 3));
			document.put("message", "payment declined secret of globex " + i);
			document.putObject("log").put("level", "ERROR");
			documents.add(document);
		}
		try (TestDocuments kafka = new TestDocuments()) {
			kafka.send(ReadSideIT.TOPIC, documents);
		}
		ElasticsearchQueries elasticsearch = new ElasticsearchQueries(TestServers.elasticsearch().uri());
		await("all documents indexed").atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> elasticsearch.count("logs-*-" + ReadSideIT.ACME) == 36
					&& elasticsearch.count("logs-*-" + ReadSideIT.GLOBEX) == 5);
	}

	@Test
	void findsTheTenantsDocumentsNewestFirstWithCountsPerLevelAndMinute() throws Exception {
		JsonNode answer = ok(search(ReadSideIT.ACME_KEY, "q=declined&to=" + NOW));

		assertThat(answer.get("total").asLong()).isEqualTo(30);
		assertThat(ids(answer)).containsExactlyElementsOf(declinedNewestFirst);
		assertThat(answer.at("/levels/WARN").asLong()).isEqualTo(15);
		assertThat(answer.at("/levels/ERROR").asLong()).isEqualTo(15);
		assertThat(answer.at("/histogram/intervalSeconds").asLong()).isEqualTo(60);
		long histogramTotal = 0;
		for (JsonNode bucket : answer.at("/histogram/buckets")) {
			histogramTotal += bucket.get("count").asLong();
		}
		assertThat(answer.at("/histogram/buckets").size()).isBetween(15, 16);
		assertThat(histogramTotal).isEqualTo(30);
		assertThat(answer.at("/documents/0/organization/id").asString()).isEqualTo(ReadSideIT.ACME);
		assertThat(answer.has("next")).isFalse();
	}

	@Test
	void aHostileQueryStringCannotReachAnotherTenant() throws Exception {
		for (String hostile : List.of("organization.id:" + ReadSideIT.GLOBEX + " OR *", "globex",
				"_index:logs-checkout-" + ReadSideIT.GLOBEX, "organization.id:*")) {
			JsonNode answer = ok(search(ReadSideIT.ACME_KEY, "q=" + encode(hostile) + "&to=" + NOW));
			for (JsonNode document : answer.get("documents")) {
				assertThat(document.at("/organization/id").asString()).as(hostile).isEqualTo(ReadSideIT.ACME);
			}
			assertThat(answer.get("total").asLong()).as(hostile).isLessThanOrEqualTo(35);
		}
		JsonNode everything = ok(
				search(ReadSideIT.ACME_KEY, "q=" + encode("organization.id:readglobex OR *") + "&to=" + NOW));
		assertThat(everything.get("total").asLong()).isEqualTo(35);

		JsonNode globex = ok(search(ReadSideIT.GLOBEX_KEY, "q=declined"));
		assertThat(globex.get("total").asLong()).isEqualTo(5);
		assertThat(ok(search(ReadSideIT.EMPTY_KEY, "q=declined")).get("total").asLong()).isZero();
	}

	@Test
	void pagesFollowEachOtherWithoutRepeatsOrGapsWhileNewDocumentsArrive() throws Exception {
		List<String> paged = new ArrayList<>();
		String range = "&from=" + NOW.minus(Duration.ofMinutes(15)) + "&to=" + NOW.plusSeconds(1);
		JsonNode page = ok(search(ReadSideIT.ACME_KEY, "q=declined&size=12" + range));
		paged.addAll(ids(page));
		String cursor = page.get("next").asString();

		try (TestDocuments kafka = new TestDocuments()) {
			// Newer than every document of the range, yet inside it: it must not shift
			// the pages.
			ObjectNode newer = TestDocuments.document("checkout", ReadSideIT.ACME, EventIds.newId(),
					NOW.plusMillis(500));
			newer.put("message", "payment declined meanwhile");
			kafka.send(ReadSideIT.TOPIC, List.of(newer));
		}
		ElasticsearchQueries elasticsearch = new ElasticsearchQueries(TestServers.elasticsearch().uri());
		await("the newer document indexed").atMost(Duration.ofSeconds(60))
			.until(() -> elasticsearch.count("logs-*-" + ReadSideIT.ACME) == 37);
		while (cursor != null) {
			page = ok(search(ReadSideIT.ACME_KEY, "q=declined&size=12&cursor=" + cursor + range));
			paged.addAll(ids(page));
			cursor = page.has("next") ? page.get("next").asString() : null;
		}

		assertThat(paged).containsExactlyElementsOf(declinedNewestFirst);
	}

	@Test
	void explicitFiltersNarrowTheSearch() throws Exception {
		JsonNode errors = ok(search(ReadSideIT.ACME_KEY, "level=error&service=checkout&host=web-1"));
		assertThat(errors.get("total").asLong()).isEqualTo(5);
		for (JsonNode document : errors.get("documents")) {
			assertThat(document.at("/log/level").asString()).isEqualTo("ERROR");
			assertThat(document.at("/host/name").asString()).isEqualTo("web-1");
		}
		assertThat(ok(search(ReadSideIT.ACME_KEY, "service=cart,nothing")).get("total").asLong()).isEqualTo(5);
		JsonNode twoHours = ok(search(ReadSideIT.ACME_KEY, "q=" + encode("\"long ago\"") + "&from=3h"));
		assertThat(twoHours.get("total").asLong()).isEqualTo(1);
	}

	@Test
	void aQueryElasticsearchCannotParseIsA400ThatSaysWhy() throws Exception {
		HttpResponse<String> unparsable = search(ReadSideIT.ACME_KEY, "q=" + encode("message:(declined"));
		assertProblem(unparsable, 400, "invalid-query");
		assertThat(json.readTree(unparsable.body()).get("detail").asString()).containsIgnoringCase("parse");

		HttpResponse<String> leadingWildcard = search(ReadSideIT.ACME_KEY, "q=" + encode("*clined"));
		assertProblem(leadingWildcard, 400, "invalid-query");
		assertThat(json.readTree(leadingWildcard.body()).get("detail").asString())
			.containsIgnoringCase("leading wildcard");
	}

	@Test
	void boundsAreEnforcedWithSpecificProblems() throws Exception {
		assertProblem(search(ReadSideIT.ACME_KEY, "from=30d"), 400, "range-too-wide");
		assertProblem(search(ReadSideIT.ACME_KEY, "size=5000"), 400, "invalid-search-parameter");
		assertProblem(search(ReadSideIT.ACME_KEY, "from=yesterday"), 400, "invalid-search-parameter");
		assertProblem(search(ReadSideIT.ACME_KEY, "cursor=bm9wZQ"), 400, "invalid-search-parameter");
	}

	@Test
	void aMissingOrUnknownKeyIs401() throws Exception {
		HttpResponse<String> unknown = search("not-a-key", "q=declined");
		assertProblem(unknown, 401, "unauthenticated");
		assertThat(unknown.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
		HttpResponse<String> none = http.send(HttpRequest.newBuilder(uri("/api/v1/search")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertProblem(none, 401, "unauthenticated");
	}

	@Test
	void servesThePage() throws Exception {
		HttpResponse<String> page = http.send(HttpRequest.newBuilder(uri("/ui/")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<title>logpipe");
	}

	private HttpResponse<String> search(String key, String query) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(uri("/api/v1/search?" + query))
			.header("Authorization", "Bearer " + key)
			.build();
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private static JsonNode ok(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	private static void assertProblem(HttpResponse<String> response, int status, String slug) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(json.readTree(response.body()).get("type").asString()).isEqualTo("urn:logpipe:problem:" + slug);
	}

	private static List<String> ids(JsonNode answer) {
		List<String> ids = new ArrayList<>();
		answer.get("documents").forEach((document) -> ids.add(document.at("/event/id").asString()));
		return ids;
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
