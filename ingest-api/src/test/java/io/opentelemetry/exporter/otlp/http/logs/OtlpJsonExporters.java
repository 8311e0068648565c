package io.opentelemetry.exporter.otlp.http.logs;

import io.opentelemetry.exporter.otlp.internal.HttpExporterBuilder;
import io.opentelemetry.sdk.common.export.MemoryMode;
import io.opentelemetry.sdk.common.internal.StandardComponentId;

/**
 * The SDK's own OTLP/HTTP log exporter, switched to its JSON encoding: the SDK has it
 * (the JSON exporter type and {@code exportAsJson}) but does not expose it publicly, so
 * this reaches it from the builder's own package.
 */
public final class OtlpJsonExporters {

	private OtlpJsonExporters() {
	}

	public static OtlpHttpLogRecordExporterBuilder builder() {
		return new OtlpHttpLogRecordExporterBuilder(
				new HttpExporterBuilder(StandardComponentId.ExporterType.OTLP_HTTP_JSON_LOG_EXPORTER,
						"http://localhost:4318/v1/logs")
					.exportAsJson(),
				MemoryMode.IMMUTABLE_DATA);
	}

}
