package io.logpipe.ingest.protocol.otlp;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporter;
import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporterBuilder;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.resources.Resource;

/**
 * The OpenTelemetry Java SDK as an application uses it: its logger provider emits the
 * records, its OTLP/HTTP exporter sends them with the key as a bearer token, gzip.
 */
public final class OtelSdkClient {

	public static final String TRACE_ID = "5b8efff798038103d269b633813fc60c";

	public static final String SPAN_ID = "eee19b7ec3c1b174";

	private OtelSdkClient() {
	}

	/**
	 * Exports the records as the SDK's batch processor would, and answers the exporter's
	 * result.
	 */
	public static CompletableResultCode export(int port, OtlpHttpLogRecordExporterBuilder builder, String key,
			List<LogRecordData> records) {
		try (OtlpHttpLogRecordExporter exporter = builder.setEndpoint("http://127.0.0.1:" + port + "/v1/logs")
			.setHeaders(() -> Map.of("Authorization", "Bearer " + key))
			.setCompression("gzip")
			.setTimeout(Duration.ofSeconds(60))
			.build()) {
			return exporter.export(records).join(90, TimeUnit.SECONDS);
		}
	}

	/** Records as an application's SDK emits them, in a traced request. */
	public static List<LogRecordData> records(String service, String... bodies) {
		List<LogRecordData> emitted = new ArrayList<>();
		Resource resource = Resource.create(Attributes.builder()
			.put("service.name", service)
			.put("service.namespace", "shop")
			.put("deployment.environment.name", "prod")
			.put("host.name", "web-1")
			.build());
		try (SdkLoggerProvider provider = SdkLoggerProvider.builder()
			.setResource(resource)
			.addLogRecordProcessor((context, record) -> emitted.add(record.toLogRecordData()))
			.build()) {
			Context traced = Context.root()
				.with(Span
					.wrap(SpanContext.create(TRACE_ID, SPAN_ID, TraceFlags.getSampled(), TraceState.getDefault())));
			for (String body : bodies) {
				provider.loggerBuilder("io.example.Cart")
					.setInstrumentationVersion("1.4.0")
					.build()
					.logRecordBuilder()
					.setTimestamp(Instant.parse("2026-11-21T10:15:30.123456789Z"))
					.setSeverity(Severity.WARN)
					.setSeverityText("Warning")
					.setBody(body)
					.setAttribute(AttributeKey.longKey("cart.items"), 3L)
					.setAttribute(AttributeKey.stringKey("exception.type"), "java.lang.IllegalStateException")
					.setContext(traced)
					.emit();
			}
		}
		return emitted;
	}

}
