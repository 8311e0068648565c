package io.logpipe.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.logpipe.common.codec.EventCodec;
import io.logpipe.common.id.Sha256;
import io.logpipe.testsupport.ServiceProcess;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Follows log events from an HTTP request through all three services, each running from
 * its jar on real Kafka and Elasticsearch, to a search hit.
 */
class PipelineEndToEndIT {

	private static final String API_KEY = "e2e-test-key";

	private static final String TENANT = "e2e";

	private static final HttpClient http = HttpClient.newHttpClient();

	private static final EventCodec codec = new EventCodec();

	private static RunningPipeline pipeline;

	private static ServiceProcess ingest;

	private static URI elasticsearch;

	@BeforeAll
	static void startPipeline() throws Exception {
		pipeline = new RunningPipeline("pipeline",
				Map.of("logpipe.auth.keys[0].sha256", Sha256.hex(API_KEY), "logpipe.auth.keys[0].tenant", TENANT),
				Map.of());
		ingest = pipeline.ingest();
		elasticsearch = pipeline.elasticsearch();
	}

	@AfterAll
	static void stopPipeline() throws InterruptedException {
		pipeline.close();
	}

	@Test
	void everyAcceptedEventBecomesSearchableUnderItsIdWithEcsFields() throws Exception {
		Instant startedAt = Instant.now();
		Instant eventTime = Instant.parse("2026-11-20T08:30:00.250Z");
		List<String> ids = new ArrayList<>();
		for (int batch = 0; batch < 2; batch++) {
			StringBuilder body = new StringBuilder("[");
			for (int i = 0; i < 50; i++) {
				int n = batch * 50 + i;
				body.append((i > 0) ? "," : "")
					.append("{\"message\":\"order ")
					.append(n)
					.append(" placed\",\"level\":\"warn\",\"service\":\"")
					.append((n % 2 == 0) ? "checkout" : "Billing-API")
					.append("\",\"host\":\"web-1\",\"timestamp\":\"")
					.append(eventTime)
					.append("\",\"cart\":{\"items\":")
					.append(n)
					.append("}}");
			}
			HttpResponse<String> response = post(body.append("]").toString());
			assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
			JsonNode answer = codec.mapper().readTree(response.body());
			assertThat(answer.get("accepted").asInt()).isEqualTo(50);
			answer.get("ids").forEach((id) -> ids.add(id.asString()));
		}

		await("all 100 events searchable").atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> search("organization.id:" + TENANT).at("/hits/total/value").asInt() == 100);

		JsonNode hits = search("organization.id:" + TENANT).at("/hits/hits");
		List<String> foundIds = new ArrayList<>();
		hits.forEach((hit) -> foundIds.add(hit.get("_id").asString()));
		assertThat(foundIds).containsExactlyInAnyOrderElementsOf(ids);

		JsonNode first = hits.get(0);
		JsonNode source = first.get("_source");
		assertThat(source.at("/event/id").asString()).isEqualTo(first.get("_id").asString());
		assertThat(source.at("/log/level").asString()).isEqualTo("WARN");
		assertThat(source.at("/host/name").asString()).isEqualTo("web-1");
		assertThat(source.at("/organization/id").asString()).isEqualTo(TENANT);
		assertThat(source.get("@timestamp").asString()).isEqualTo("2026-11-20T08:30:00.250Z");
		// event.created: receipt at ingest-api; event.ingested: arrival in Elasticsearch
		Instant created = Instant.parse(source.at("/event/created").asString());
		Instant ingested = Instant.parse(source.at("/event/ingested").asString());
		assertThat(created).isBetween(startedAt, Instant.now());
		assertThat(ingested).isAfterOrEqualTo(created).isBeforeOrEqualTo(Instant.now());
		assertThat(source.at("/attributes/cart/items").isMissingNode()).isFalse();
		assertThat(source.get("message").asString()).matches("order \\d+ placed");
		String service = source.at("/service/name").asString();
		assertThat(first.get("_index").asString())
			.startsWith(service.equals("checkout") ? ".ds-logs-checkout-e2e-" : ".ds-logs-billing_api_");
	}

	@Test
	void rejectsARequestWithoutAKey() throws Exception {
		HttpRequest request = HttpRequest.newBuilder(ingest.uri("/api/v1/logs"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"m\"}"))
			.build();

		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

	private static HttpResponse<String> post(String body) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(ingest.uri("/api/v1/logs"))
			.header("Authorization", "Bearer " + API_KEY)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static JsonNode search(String query) throws IOException, InterruptedException {
		URI uri = URI.create(elasticsearch + "/logs-*/_search?size=200&q=" + query);
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).build(),
				HttpResponse.BodyHandlers.ofString());
		return codec.mapper().readTree(response.body());
	}

}
