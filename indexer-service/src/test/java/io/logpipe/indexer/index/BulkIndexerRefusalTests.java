package io.logpipe.indexer.index;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.hc.core5.http.HttpHost;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.logpipe.common.codec.EventCodec;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A whole bulk refused with a 4xx, on the wire as Elasticsearch sends it and through the
 * real low-level client, which throws only for 5xx. Served by a one-route HTTP server: a
 * real node answers 429 to a whole bulk only when a circuit breaker trips, which cannot
 * be provoked on demand (Elasticsearch 9 streams bulk bodies past the in-flight breaker).
 */
class BulkIndexerRefusalTests {

	private HttpServer server;

	private Rest5Client client;

	@AfterEach
	void stop() throws IOException {
		if (this.client != null) {
			this.client.close();
		}
		if (this.server != null) {
			this.server.stop(0);
		}
	}

	@Test
	void aWhole429IsARefusalThatKeepsElasticsearchsReason() throws IOException {
		BulkIndexer indexer = indexerAnswering(429, """
				{"error":{"type":"circuit_breaking_exception","reason":"[parent] Data too large"},"status":429}""");

		assertThatExceptionOfType(BulkRequestException.class).isThrownBy(() -> indexer.index(List.of(document())))
			.withMessage("Elasticsearch answered 429 to the bulk request: circuit_breaking_exception: "
					+ "[parent] Data too large");
	}

	@Test
	void aWhole413IsARefusalEvenWithoutABody() throws IOException {
		BulkIndexer indexer = indexerAnswering(413, "");

		assertThatExceptionOfType(BulkRequestException.class).isThrownBy(() -> indexer.index(List.of(document())))
			.withMessageStartingWith("Elasticsearch answered 413 to the bulk request");
	}

	private BulkIndexer indexerAnswering(int status, String body) throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/_bulk", (exchange) -> {
			exchange.getRequestBody().readAllBytes();
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		});
		this.server.start();
		this.client = Rest5Client.builder(new HttpHost("http", "127.0.0.1", this.server.getAddress().getPort()))
			.build();
		return new BulkIndexer(this.client, new EventCodec(),
				new IndexingMetrics(new SimpleMeterRegistry(), Clock.systemUTC()),
				new BulkWatchdog(Duration.ofSeconds(10), System::nanoTime));
	}

	private static PendingDocument document() {
		return new PendingDocument("logs-shop-refusal", "id-1", "{\"message\":\"m\"}".getBytes(StandardCharsets.UTF_8),
				"refusal/shop", new PendingDocument.Origin("parsed-logs", 0, 0), Instant.now());
	}

}
