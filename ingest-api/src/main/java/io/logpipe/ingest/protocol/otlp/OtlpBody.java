package io.logpipe.ingest.protocol.otlp;

import java.util.Base64;
import java.util.HexFormat;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;

import io.logpipe.ingest.problem.ProblemType;
import io.logpipe.service.problem.ProblemException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads an OTLP/HTTP logs request body, protobuf or JSON, into the published
 * {@link ExportLogsServiceRequest}.
 *
 * <p>
 * OTLP's JSON is proto3 JSON with one difference that matters: {@code traceId} and
 * {@code spanId} are hex, not base64. {@link JsonFormat} would read a 32-digit hex string
 * as valid base64 and silently yield 24 wrong bytes, so the ids are converted to base64
 * before it reads them. Everything else of OTLP's JSON rules (lowerCamelCase or original
 * field names, enums as integers, 64-bit integers as strings or numbers, unknown fields
 * ignored) is what {@code JsonFormat} with {@code ignoringUnknownFields} does.
 */
final class OtlpBody {

	private static final JsonFormat.Parser JSON = JsonFormat.parser().ignoringUnknownFields();

	private final JsonMapper mapper;

	OtlpBody(JsonMapper mapper) {
		this.mapper = mapper;
	}

	/**
	 * @throws ProblemException {@link ProblemType#MALFORMED_BODY} naming what does not
	 * parse
	 */
	ExportLogsServiceRequest read(byte[] body, OtlpEncoding encoding) {
		if (encoding == OtlpEncoding.JSON) {
			return readJson(body);
		}
		try {
			return ExportLogsServiceRequest.parseFrom(body);
		}
		catch (InvalidProtocolBufferException ex) {
			throw new ProblemException(ProblemType.MALFORMED_BODY,
					"the body is not a protobuf ExportLogsServiceRequest: " + ex.getMessage(), ex);
		}
	}

	private ExportLogsServiceRequest readJson(byte[] body) {
		JsonNode tree;
		try {
			tree = this.mapper.readTree(body);
		}
		catch (JacksonException ex) {
			throw new ProblemException(ProblemType.MALFORMED_BODY,
					"the body is not valid JSON: " + ex.getOriginalMessage(), ex);
		}
		if (!(tree instanceof ObjectNode request)) {
			throw new ProblemException(ProblemType.MALFORMED_BODY,
					"the body must be a JSON ExportLogsServiceRequest object");
		}
		for (JsonNode resourceLogs : either(request, "resourceLogs", "resource_logs")) {
			for (JsonNode scopeLogs : either(resourceLogs, "scopeLogs", "scope_logs")) {
				for (JsonNode logRecord : either(scopeLogs, "logRecords", "log_records")) {
					if (logRecord instanceof ObjectNode record) {
						hexToBase64(record, "traceId", "trace_id");
						hexToBase64(record, "spanId", "span_id");
					}
				}
			}
		}
		ExportLogsServiceRequest.Builder builder = ExportLogsServiceRequest.newBuilder();
		try {
			JSON.merge(this.mapper.writeValueAsString(request), builder);
		}
		catch (InvalidProtocolBufferException | RuntimeException ex) {
			throw new ProblemException(ProblemType.MALFORMED_BODY,
					"the body is not an OTLP JSON ExportLogsServiceRequest: " + ex.getMessage(), ex);
		}
		return builder.build();
	}

	private static Iterable<JsonNode> either(JsonNode node, String camel, String snake) {
		JsonNode value = node.get(camel);
		if (value == null) {
			value = node.get(snake);
		}
		return (value != null && value.isArray()) ? value : java.util.List.of();
	}

	private static void hexToBase64(ObjectNode record, String... names) {
		for (String name : names) {
			JsonNode id = record.get(name);
			if (id == null || !id.isString() || id.asString().isEmpty()) {
				continue;
			}
			try {
				record.put(name, Base64.getEncoder().encodeToString(HexFormat.of().parseHex(id.asString())));
			}
			catch (IllegalArgumentException ex) {
				throw new ProblemException(ProblemType.MALFORMED_BODY,
						"'" + name + "' must be hex, as OTLP's JSON encoding writes it: '" + id.asString() + "'", ex);
			}
		}
	}

}
