package io.logpipe.ingest.protocol.otlp;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;

import io.logpipe.ingest.problem.ProblemType;
import io.logpipe.ingest.protocol.ProtocolEvent;
import io.logpipe.ingest.protocol.ProtocolItem;

/**
 * Maps OTLP log records onto logpipe's events without losing a field, under the names the
 * parser gives an ECS home:
 *
 * <ul>
 * <li>resource {@code service.name}, {@code deployment.environment.name} (or the older
 * {@code deployment.environment}) and {@code host.name} become the source's service,
 * environment and host; every other resource attribute ({@code service.namespace},
 * {@code k8s.*}, ...) is kept under its name;</li>
 * <li>the scope's name becomes {@code log.logger} (the OpenTelemetry log bridges name the
 * scope after the logger), its version {@code otel.scope.version}, its attributes are
 * kept;</li>
 * <li>a string body becomes the message; any other body is kept as {@code body};</li>
 * <li>time becomes {@code @timestamp} (the observed time when the record has none, as the
 * data model says), observed time {@code event.created}, severity text {@code log.level}
 * (or the level its number names), severity number {@code event.severity}, trace and span
 * ids {@code trace.id} and {@code span.id} (hex), non-zero flags
 * {@code otel.trace_flags}, the event name {@code event.name};</li>
 * <li>the record's attributes are kept under their names and win over the resource's and
 * the scope's; the semantic conventions' {@code exception.type}, {@code .message} and
 * {@code .stacktrace} become ECS {@code error.*}.</li>
 * </ul>
 *
 * A record with a trace or span id of the wrong length is rejected alone.
 */
final class OtlpLogMapper {

	static final String SERVICE_NAME = "service.name";

	private static final List<String> ENVIRONMENT = List.of("deployment.environment.name", "deployment.environment");

	private static final String HOST_NAME = "host.name";

	private static final Map<String, String> EXCEPTION_TO_ECS = Map.of("exception.type", "error.type",
			"exception.message", "error.message", "exception.stacktrace", "error.stack_trace");

	private static final String[] LEVELS_BY_SEVERITY = { "TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL" };

	private OtlpLogMapper() {
	}

	static List<ProtocolItem> map(ExportLogsServiceRequest request) {
		List<ProtocolItem> items = new ArrayList<>();
		for (ResourceLogs resourceLogs : request.getResourceLogsList()) {
			Map<String, Object> resource = AnyValues.map(resourceLogs.getResource().getAttributesList());
			String service = text(resource.remove(SERVICE_NAME));
			String environment = null;
			for (String name : ENVIRONMENT) {
				String value = text(resource.remove(name));
				environment = (environment != null) ? environment : value;
			}
			String host = text(resource.remove(HOST_NAME));
			for (ScopeLogs scopeLogs : resourceLogs.getScopeLogsList()) {
				Map<String, Object> shared = new LinkedHashMap<>(resource);
				scope(scopeLogs.getScope(), shared);
				for (LogRecord record : scopeLogs.getLogRecordsList()) {
					items.add(event(record, shared, service, host, environment));
				}
			}
		}
		return items;
	}

	private static void scope(InstrumentationScope scope, Map<String, Object> fields) {
		fields.putAll(AnyValues.map(scope.getAttributesList()));
		if (!scope.getName().isEmpty()) {
			fields.put("log.logger", scope.getName());
		}
		if (!scope.getVersion().isEmpty()) {
			fields.put("otel.scope.version", scope.getVersion());
		}
	}

	private static ProtocolItem event(LogRecord record, Map<String, Object> shared, String service, String host,
			String environment) {
		if (!hasLength(record.getTraceId(), 16) || !hasLength(record.getSpanId(), 8)) {
			return ProtocolItem.invalid(ProblemType.INVALID_EVENT,
					"a log record's trace_id must be 16 bytes and its span_id 8 bytes, or both empty; this one has "
							+ record.getTraceId().size() + " and " + record.getSpanId().size());
		}
		Map<String, Object> fields = new LinkedHashMap<>(shared);
		for (Map.Entry<String, Object> attribute : AnyValues.map(record.getAttributesList()).entrySet()) {
			fields.put(EXCEPTION_TO_ECS.getOrDefault(attribute.getKey(), attribute.getKey()), attribute.getValue());
		}
		long time = (record.getTimeUnixNano() != 0) ? record.getTimeUnixNano() : record.getObservedTimeUnixNano();
		if (time != 0) {
			fields.put("@timestamp", instant(time).toString());
		}
		if (record.getObservedTimeUnixNano() != 0) {
			fields.put("event.created", instant(record.getObservedTimeUnixNano()).toString());
		}
		String level = !record.getSeverityText().isEmpty() ? record.getSeverityText()
				: levelOf(record.getSeverityNumberValue());
		if (level != null) {
			fields.put("log.level", level);
		}
		if (record.getSeverityNumberValue() != 0) {
			fields.put("event.severity", record.getSeverityNumberValue());
		}
		if (!record.getTraceId().isEmpty()) {
			fields.put("trace.id", HexFormat.of().formatHex(record.getTraceId().toByteArray()));
		}
		if (!record.getSpanId().isEmpty()) {
			fields.put("span.id", HexFormat.of().formatHex(record.getSpanId().toByteArray()));
		}
		if (record.getFlags() != 0) {
			fields.put("otel.trace_flags", record.getFlags());
		}
		if (!record.getEventName().isEmpty()) {
			fields.put("event.name", record.getEventName());
		}
		if (record.getDroppedAttributesCount() != 0) {
			fields.put("otel.dropped_attributes_count", record.getDroppedAttributesCount());
		}
		String message = null;
		if (record.hasBody()) {
			AnyValue body = record.getBody();
			if (body.getValueCase() == AnyValue.ValueCase.STRING_VALUE) {
				message = body.getStringValue();
			}
			else {
				fields.put("body", AnyValues.of(body));
			}
		}
		return new ProtocolEvent(message, fields, service, host, environment, null, null, null,
				record.getSerializedSize());
	}

	/** The level word of a severity number: 1-4 TRACE, 5-8 DEBUG, ... 21-24 FATAL. */
	static String levelOf(int severityNumber) {
		if (severityNumber < 1 || severityNumber > 24) {
			return null;
		}
		return LEVELS_BY_SEVERITY[(severityNumber - 1) / 4];
	}

	private static boolean hasLength(ByteString id, int length) {
		return id.isEmpty() || id.size() == length;
	}

	private static Instant instant(long unixNanos) {
		return Instant.ofEpochSecond(0, unixNanos);
	}

	private static String text(Object value) {
		return (value instanceof String text && !text.isBlank()) ? text : null;
	}

}
