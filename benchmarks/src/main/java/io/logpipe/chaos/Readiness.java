package io.logpipe.chaos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Asks a service's readiness group what it thinks, within a bounded time. */
final class Readiness {

	private static final long TIMEOUT_SECONDS = 5;

	private static final Duration TIMEOUT = Duration.ofSeconds(TIMEOUT_SECONDS);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final JsonMapper json = JsonMapper.builder().build();

	/**
	 * The readiness group of the service at {@code base}, or empty when it does not
	 * answer within {@value #TIMEOUT_SECONDS} s.
	 */
	Optional<JsonNode> of(URI base) throws InterruptedException {
		try {
			HttpResponse<String> response = this.http.send(
					HttpRequest.newBuilder(base.resolve("/actuator/health/readiness")).timeout(TIMEOUT).build(),
					HttpResponse.BodyHandlers.ofString());
			return Optional.of(this.json.readTree(response.body()));
		}
		catch (IOException | RuntimeException ex) {
			return Optional.empty();
		}
	}

}
