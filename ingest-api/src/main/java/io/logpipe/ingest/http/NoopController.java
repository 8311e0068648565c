package io.logpipe.ingest.http;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.logpipe.ingest.auth.AuthenticatedClient;

/**
 * {@code POST /api/v1/noop}: the benchmark's baseline for single-event requests. It goes
 * through the same server, filters and API-key check as {@code /api/v1/logs}, reads the
 * body and answers 202, but parses nothing and sends nothing to Kafka; the ratio of the
 * two request rates shows what ingesting costs on top of serving HTTP.
 *
 * <p>
 * Only the benchmark turns it on ({@code ingest.benchmark.noop-endpoint=true}); it is off
 * by default, so a production deployment never exposes it.
 */
@RestController
@ConditionalOnBooleanProperty("ingest.benchmark.noop-endpoint")
class NoopController {

	private static final String ACCEPTED = "{\"accepted\":0}";

	@PostMapping(path = "/api/v1/noop", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> noop(AuthenticatedClient client, @RequestBody byte[] body) {
		return ResponseEntity.accepted().body(ACCEPTED);
	}

}
