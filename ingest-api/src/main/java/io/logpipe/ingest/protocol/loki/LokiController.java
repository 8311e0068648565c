package io.logpipe.ingest.protocol.loki;

import java.util.List;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.swagger.v3.oas.annotations.Hidden;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.logpipe.common.codec.EventCodec;
import io.logpipe.ingest.auth.AuthenticatedClient;
import io.logpipe.ingest.auth.CredentialScheme;
import io.logpipe.ingest.auth.Credentials;
import io.logpipe.ingest.body.RequestBodyReader;
import io.logpipe.ingest.protocol.Protocol;
import io.logpipe.ingest.protocol.ProtocolIngest;
import io.logpipe.ingest.protocol.ProtocolOutcome;
import io.logpipe.ingest.protocol.RejectionPolicy;

/**
 * Loki push at {@code POST /loki/api/v1/push}, where Promtail, Alloy, Vector, Fluent Bit,
 * loki4j and winston-loki send: snappy protobuf or JSON. 204 once Kafka acknowledged
 * every entry.
 *
 * <p>
 * {@code X-Scope-OrgID} is accepted and ignored: the key decides the tenant, never a
 * header the client sets. As Loki does, valid entries are kept when others are rejected
 * (over a limit), and the answer is then a 400 naming them, which clients do not retry.
 */
@RestController
@Hidden
@Credentials({ CredentialScheme.BASIC, CredentialScheme.BEARER, CredentialScheme.API_KEY })
class LokiController {

	static final String PATH = "/loki/api/v1/push";

	private final ProtocolIngest ingest;

	private final LokiPush push;

	LokiController(ProtocolIngest ingest, EventCodec codec, RequestBodyReader bodyReader) {
		this.ingest = ingest;
		this.push = new LokiPush(codec.mapper(), bodyReader);
	}

	/**
	 * Loki's readiness probe, which Vector's {@code loki} sink calls as its health check
	 * before it sends; like Loki's, it needs no key.
	 */
	@GetMapping("/ready")
	ResponseEntity<String> ready() {
		return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body("ready\n");
	}

	@PostMapping(PATH)
	ResponseEntity<String> push(AuthenticatedClient client, HttpServletRequest request, HttpServletResponse response) {
		String contentType = request.getContentType();
		String contentEncoding = request.getHeader(HttpHeaders.CONTENT_ENCODING);
		ProtocolOutcome outcome = this.ingest.ingest(Protocol.LOKI, client, request, response, RejectionPolicy.PER_ITEM,
				(body) -> this.push.read(body, contentType, contentEncoding));
		List<ProtocolOutcome.Item> rejected = outcome.items().stream().filter((item) -> !item.accepted()).toList();
		if (!rejected.isEmpty()) {
			// Answered here, not thrown: the accepted entries are in Kafka and counted.
			return ResponseEntity.badRequest()
				.contentType(MediaType.TEXT_PLAIN)
				.body(rejected.size() + " of " + outcome.items().size()
						+ " entries were rejected, the others were accepted: "
						+ rejected.stream()
							.limit(10)
							.map((item) -> "entry " + item.index() + ": " + item.rejection().detail())
							.collect(Collectors.joining("; "))
						+ "\n");
		}
		return ResponseEntity.noContent().build();
	}

}
