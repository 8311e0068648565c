package io.logpipe.ingest.protocol.elasticsearch;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.InfoResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.message.BasicHeader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

import io.logpipe.common.event.RawLogRecord;
import io.logpipe.ingest.RawTopics;
import io.logpipe.testsupport.RealKafka;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The official Elasticsearch Java client against ingest on a real Kafka: its product
 * check passes, a bulk lands on the raw topic with its fields, and a rejected document is
 * what the client reports as one. (Its view of a 503 while Kafka is down is pinned in
 * {@code BrokerDownIT}, which owns a broker it can stop.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "logpipe.auth.keys[0].sha256=2924a27d7fc715372a952b03583ae5f1221556bcdabbf2a57ff5de577efe11c1",
				"logpipe.auth.keys[0].tenant=es-tenant", "ingest.kafka.topics.app=es-client-it-app",
				"ingest.kafka.topics.system=es-client-it-system", "ingest.kafka.topics.security=es-client-it-security",
				"ingest.limits.max-event-size=2KB" })
@RealKafka
class ElasticsearchClientIT {

	@LocalServerPort
	private int port;

	@Value("${spring.kafka.bootstrap-servers}")
	private String bootstrapServers;

	private Rest5Client rest;

	private ElasticsearchClient client;

	private RawTopics topics;

	@BeforeEach
	void connect() {
		this.rest = Rest5Client.builder(URI.create("http://127.0.0.1:" + this.port))
			.setDefaultHeaders(new Header[] { new BasicHeader("Authorization", "ApiKey app-key") })
			.build();
		this.client = new ElasticsearchClient(new Rest5ClientTransport(this.rest, new Jackson3JsonpMapper()));
		this.topics = new RawTopics(this.bootstrapServers, "es-client-it-app");
	}

	@AfterEach
	void close() throws IOException {
		this.topics.close();
		this.rest.close();
	}

	@Test
	void passesTheClientsProductCheck() throws IOException {
		InfoResponse info = this.client.info();

		assertThat(info.version().number()).isEqualTo("8.19.0");
		assertThat(info.tagline()).isEqualTo("You Know, for Search");
	}

	@Test
	void bulkLandsOnTheRawTopicWithItsFieldsAndTheRejectedDocumentIsReportedAsSuch() throws IOException {
		String run = UUID.randomUUID().toString();
		BulkResponse response = this.client.bulk((bulk) -> bulk
			.operations((op) -> op.create((create) -> create.index("logs-checkout-prod")
				.document(Map.of("@timestamp", "2026-12-01T10:00:00Z", "message", "order placed " + run, "log",
						Map.of("level", "warn"), "order", Map.of("total", 42)))))
			.operations((op) -> op
				.create((create) -> create.index("logs-checkout-prod").document(Map.of("message", "x".repeat(4096)))))
			.operations((op) -> op.index((index) -> index.index("logs-checkout-prod")
				.id("order-7-" + run)
				.document(Map.of("message", "order paid " + run)))));

		assertThat(response.errors()).isTrue();
		List<BulkResponseItem> items = response.items();
		assertThat(items).extracting(BulkResponseItem::status).containsExactly(201, 400, 201);
		assertThat(items.get(1).error().type()).isEqualTo("document_parsing_exception");
		assertThat(items.get(1).error().reason()).contains("max-event-size");
		assertThat(items.get(2).id()).isEqualTo("order-7-" + run);
		List<RawLogRecord> records = this.topics
			.await((record) -> record.message() != null && record.message().endsWith(run), 2, Duration.ofSeconds(90));
		RawLogRecord placed = records.stream()
			.filter((record) -> record.message().startsWith("order placed"))
			.findFirst()
			.orElseThrow();
		assertThat(placed.protocol()).isEqualTo("es-bulk");
		assertThat(placed.tenant()).isEqualTo("es-tenant");
		assertThat(placed.id()).isEqualTo(items.get(0).id());
		assertThat(placed.source().service()).isEqualTo("checkout");
		assertThat(placed.source().environment()).isEqualTo("prod");
		assertThat(placed.fields()).containsEntry("@timestamp", "2026-12-01T10:00:00Z")
			.containsEntry("log", Map.of("level", "warn"))
			.containsEntry("order", Map.of("total", 42));
	}

	@Test
	void aCutBulkBodyIsRefusedAsAWholeAndReachesNoTopic() throws IOException {
		String run = UUID.randomUUID().toString();
		RestClient http = RestClient.create();
		int status = http.post()
			.uri("http://127.0.0.1:" + this.port + "/_bulk")
			.header("Authorization", "ApiKey app-key")
			.header("Content-Type", "application/x-ndjson")
			.body("{\"create\":{\"_index\":\"logs-cut-it\"}}\n{\"message\":\"cut " + run
					+ "\"}\n{\"create\":{\"_index\":\"logs-cut-it\"}}\n")
			.exchange((request, answer) -> answer.getStatusCode().value());
		assertThat(status).isEqualTo(400);
		this.client.bulk((bulk) -> bulk.operations((op) -> op
			.create((create) -> create.index("logs-cut-it").document(Map.of("message", "marker " + run)))));

		this.topics.await((record) -> ("marker " + run).equals(record.message()), 1, Duration.ofSeconds(90));
		assertThat(this.topics.seen((record) -> ("cut " + run).equals(record.message()))).isEmpty();
	}

}
