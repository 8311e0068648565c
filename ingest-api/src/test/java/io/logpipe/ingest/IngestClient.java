package io.logpipe.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A real HTTP client for the integration tests: what curl would send. */
public final class IngestClient {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private final URI logs;

	public IngestClient(int port) {
		this.logs = URI.create("http://127.0.0.1:" + port + "/api/v1/logs");
	}

	/**
	 * POSTs a body.
	 * @param headers name, value, name, value, ...
	 */
	public HttpResponse<String> post(String contentType, byte[] body, String... headers) {
		List<String> all = new ArrayList<>(List.of("Content-Type", contentType));
		all.addAll(List.of(headers));
		HttpRequest request = HttpRequest.newBuilder(this.logs)
			.timeout(Duration.ofSeconds(60))
			.headers(all.toArray(String[]::new))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
