package io.logpipe.indexer.admin;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Calls of the admin endpoints, and what the replay tests read of the indexer's meters.
 */
final class AdminCalls {

	private static final HttpClient http = HttpClient.newHttpClient();

	private AdminCalls() {
	}

	/**
	 * POSTs a JSON body to the indexer's {@code path}, with {@code authorization} unless
	 * it is null; waits up to 120 s, a replay reads whole topics on a loaded machine.
	 */
	static HttpResponse<String> post(int port, String path, String authorization, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(120))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** Items that answered 409: their document was there already. */
	static double alreadyExists(MeterRegistry meters) {
		Counter counter = meters.find("logpipe.indexer.documents").tag("outcome", "already_exists").counter();
		return (counter != null) ? counter.count() : 0;
	}

}
