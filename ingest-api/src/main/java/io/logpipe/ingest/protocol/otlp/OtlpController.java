package io.logpipe.ingest.protocol.otlp;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsPartialSuccess;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.swagger.v3.oas.annotations.Hidden;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.logpipe.common.codec.EventCodec;
import io.logpipe.ingest.auth.AuthenticatedClient;
import io.logpipe.ingest.auth.CredentialScheme;
import io.logpipe.ingest.auth.Credentials;
import io.logpipe.ingest.protocol.Protocol;
import io.logpipe.ingest.protocol.ProtocolIngest;
import io.logpipe.ingest.protocol.ProtocolOutcome;
import io.logpipe.ingest.protocol.RejectionPolicy;

/**
 * OTLP/HTTP logs at {@code POST /v1/logs}, where OpenTelemetry SDKs and the Collector's
 * {@code otlphttp} exporter send them (the endpoint plus {@code /v1/logs}), and at
 * {@code /otlp/v1/logs}, Loki's alias. Protobuf or JSON, optionally gzip.
 *
 * <p>
 * A 200 answers an {@code ExportLogsServiceResponse} in the request's encoding once Kafka
 * acknowledged every accepted record; records rejected for good (over a limit, an id of
 * the wrong length) are counted in {@code partial_success}, which clients must not retry.
 * Errors are in {@link OtlpErrors}.
 */
@RestController
@Hidden
@Credentials({ CredentialScheme.BEARER, CredentialScheme.API_KEY, CredentialScheme.BASIC })
class OtlpController {

	static final String PATH = "/v1/logs";

	private static final JsonFormat.Printer JSON = JsonFormat.printer().omittingInsignificantWhitespace();

	private final ProtocolIngest ingest;

	private final OtlpBody body;

	OtlpController(ProtocolIngest ingest, EventCodec codec) {
		this.ingest = ingest;
		this.body = new OtlpBody(codec.mapper());
	}

	@PostMapping({ PATH, "/otlp" + PATH })
	ResponseEntity<byte[]> export(AuthenticatedClient client, HttpServletRequest request,
			HttpServletResponse response) {
		OtlpEncoding encoding = OtlpEncoding.of(request.getContentType());
		ProtocolOutcome outcome = this.ingest.ingest(Protocol.OTLP, client, request, response, RejectionPolicy.PER_ITEM,
				(bytes) -> OtlpLogMapper.map(this.body.read(bytes, encoding)));
		ExportLogsServiceResponse.Builder answer = ExportLogsServiceResponse.newBuilder();
		List<ProtocolOutcome.Item> rejected = outcome.items().stream().filter((item) -> !item.accepted()).toList();
		if (!rejected.isEmpty()) {
			ProtocolOutcome.Item first = rejected.getFirst();
			answer.setPartialSuccess(ExportLogsPartialSuccess.newBuilder()
				.setRejectedLogRecords(rejected.size())
				.setErrorMessage(rejected.size() + " of " + outcome.items().size()
						+ " log records were rejected; the first, record " + first.index() + ": "
						+ first.rejection().detail()));
		}
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_TYPE, encoding.mediaType())
			.body(encode(answer.build(), encoding));
	}

	static byte[] encode(com.google.protobuf.Message message, OtlpEncoding encoding) {
		if (encoding == OtlpEncoding.PROTOBUF) {
			return message.toByteArray();
		}
		try {
			return JSON.print(message).getBytes(java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (InvalidProtocolBufferException ex) {
			throw new IllegalStateException("an OTLP response that cannot be written as JSON", ex);
		}
	}

}
