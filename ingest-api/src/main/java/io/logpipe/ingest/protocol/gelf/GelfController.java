package io.logpipe.ingest.protocol.gelf;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.swagger.v3.oas.annotations.Hidden;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.logpipe.common.codec.EventCodec;
import io.logpipe.ingest.auth.AuthenticatedClient;
import io.logpipe.ingest.auth.CredentialScheme;
import io.logpipe.ingest.auth.Credentials;
import io.logpipe.ingest.body.RequestBodyReader;
import io.logpipe.ingest.protocol.Protocol;
import io.logpipe.ingest.protocol.ProtocolIngest;
import io.logpipe.ingest.protocol.RejectionPolicy;

/**
 * GELF over HTTP at {@code POST /gelf}, as Graylog's GELF HTTP input takes it: plain,
 * gzip or zlib, one message or newline-delimited messages; 202 once Kafka acknowledged
 * them. A request with a bad message publishes nothing (400), as Graylog refuses it.
 */
@RestController
@Hidden
@Credentials({ CredentialScheme.BASIC, CredentialScheme.BEARER, CredentialScheme.API_KEY })
class GelfController {

	static final String PATH = "/gelf";

	private final ProtocolIngest ingest;

	private final GelfMessages messages;

	GelfController(ProtocolIngest ingest, EventCodec codec, RequestBodyReader bodyReader) {
		this.ingest = ingest;
		this.messages = new GelfMessages(codec.mapper(), bodyReader);
	}

	@PostMapping(PATH)
	ResponseEntity<Void> send(AuthenticatedClient client, HttpServletRequest request, HttpServletResponse response) {
		this.ingest.ingest(Protocol.GELF, client, request, response, RejectionPolicy.WHOLE_REQUEST,
				this.messages::read);
		return ResponseEntity.accepted().build();
	}

}
