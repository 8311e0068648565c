package io.logpipe.ingest.protocol.otlp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import com.google.protobuf.CodedInputStream;
import io.opentelemetry.exporter.internal.FailedExportException;
import io.opentelemetry.exporter.internal.otlp.logs.LogsRequestMarshaler;
import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporter;
import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporterBuilder;
import io.opentelemetry.exporter.otlp.http.logs.OtlpJsonExporters;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import org.junit.jupiter.api.Test;

import io.logpipe.common.event.RawLogRecord;
import io.logpipe.ingest.protocol.ShipperClientTest;
import io.logpipe.ingest.protocol.ShipperIT;
import io.logpipe.ingest.protocol.ShipperKeys;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenTelemetry Java SDK's own OTLP/HTTP log exporter, protobuf and JSON, against
 * ingest-api on the real broker: the records on the raw topic, and what the exporter
 * reports for success, a rejected record and a 429.
 */
@ShipperIT
class OtlpExporterIT extends ShipperClientTest {

	private static final String TRACE_ID = OtelSdkClient.TRACE_ID;

	private static final String SPAN_ID = OtelSdkClient.SPAN_ID;

	@Test
	void exportsGzippedProtobufRecordsWithEveryPartOnTheRawTopic() {
		String service = "otlp-proto-" + UUID.randomUUID();

		CompletableResultCode result = export(OtlpHttpLogRecordExporter.builder(), ShipperKeys.APP,
				records(service, "payment declined"));

		assertThat(result.isSuccess()).as(String.valueOf(result.getFailureThrowable())).isTrue();
		RawLogRecord record = records(service, 1).getFirst();
		assertThat(record.protocol()).isEqualTo("otlp");
		assertThat(record.tenant()).isEqualTo(ShipperKeys.TENANT);
		assertThat(record.message()).isEqualTo("payment declined");
		assertThat(record.source().environment()).isEqualTo("prod");
		assertThat(record.source().host()).isEqualTo("web-1");
		assertThat(record.fields()).containsEntry("trace.id", TRACE_ID)
			.containsEntry("span.id", SPAN_ID)
			.containsEntry("otel.trace_flags", 1)
			.containsEntry("@timestamp", "2026-11-21T10:15:30.123456789Z")
			.containsEntry("log.level", "Warning")
			.containsEntry("event.severity", 13)
			.containsEntry("log.logger", "io.example.Cart")
			.containsEntry("otel.scope.version", "1.4.0")
			.containsEntry("service.namespace", "shop")
			.containsEntry("cart.items", 3)
			.containsEntry("error.type", "java.lang.IllegalStateException")
			.containsKey("event.created");
	}

	@Test
	void exportsJsonWithHexIdsThatArriveAsTheSameIds() {
		String service = "otlp-json-" + UUID.randomUUID();

		CompletableResultCode result = export(OtlpJsonExporters.builder(), ShipperKeys.APP,
				records(service, "payment declined"));

		assertThat(result.isSuccess()).as(String.valueOf(result.getFailureThrowable())).isTrue();
		RawLogRecord record = records(service, 1).getFirst();
		assertThat(record.message()).isEqualTo("payment declined");
		assertThat(record.fields()).containsEntry("trace.id", TRACE_ID)
			.containsEntry("span.id", SPAN_ID)
			.containsEntry("cart.items", 3);
	}

	@Test
	void answersARecordRejectedForGoodAsAPartialSuccessThatTheExporterDoesNotRetry() throws Exception {
		String service = "otlp-partial-" + UUID.randomUUID();
		List<LogRecordData> records = records(service, "x".repeat(70_000), "the good one");

		CompletableResultCode result = export(OtlpHttpLogRecordExporter.builder(), ShipperKeys.APP, records);

		assertThat(result.isSuccess()).as("the Java exporter takes any 2xx as done").isTrue();
		assertThat(records(service, 1)).extracting(RawLogRecord::message)
			.as("only the good record of the request is published")
			.containsExactly("the good one");

		HttpResponse<byte[]> raw = post("application/x-protobuf", protobuf(records));
		assertThat(raw.statusCode()).isEqualTo(200);
		assertThat(raw.headers().firstValue("Content-Type")).hasValue("application/x-protobuf");
		ExportLogsServiceResponse answer = ExportLogsServiceResponse.parseFrom(raw.body());
		assertThat(answer.getPartialSuccess().getRejectedLogRecords()).isEqualTo(1);
		assertThat(answer.getPartialSuccess().getErrorMessage()).contains("record 0")
			.contains("ingest.limits.max-event-size");
	}

	@Test
	void reportsA429WithRetryAfterWhenTheKeysRateLimitIsUsedUp() {
		String service = "otlp-limited-" + UUID.randomUUID();
		OtlpHttpLogRecordExporterBuilder builder = OtlpHttpLogRecordExporter.builder().setRetryPolicy(null);

		CompletableResultCode first = export(builder, ShipperKeys.OTLP_LIMITED, records(service, "first"));
		CompletableResultCode second = export(builder, ShipperKeys.OTLP_LIMITED, records(service, "second"));

		assertThat(first.isSuccess()).isTrue();
		assertThat(second.isSuccess()).isFalse();
		assertThat(second.getFailureThrowable()).isInstanceOfSatisfying(FailedExportException.HttpExportException.class,
				(ex) -> assertThat(ex.getResponse().getStatusCode()).isEqualTo(429));
		assertThat(records(service, 1)).extracting(RawLogRecord::message).containsExactly("first");
	}

	@Test
	void answersATruncatedProtobufBodyWith400AndAStatus() throws Exception {
		byte[] body = protobuf(records("otlp-truncated", "a message long enough to cut"));

		HttpResponse<byte[]> raw = post("application/x-protobuf", Arrays.copyOf(body, body.length - 7));

		assertThat(raw.statusCode()).isEqualTo(400);
		CodedInputStream status = CodedInputStream.newInstance(raw.body());
		assertThat(status.readTag()).isEqualTo(8);
		assertThat(status.readInt32()).as("INVALID_ARGUMENT").isEqualTo(3);
		assertThat(status.readTag()).isEqualTo(18);
		assertThat(status.readString()).contains("not a protobuf ExportLogsServiceRequest");
	}

	@Test
	void answersJsonErrorsInJson() throws Exception {
		HttpResponse<byte[]> raw = post("application/json", "{\"resourceLogs\":".getBytes());

		assertThat(raw.statusCode()).isEqualTo(400);
		assertThat(raw.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(new String(raw.body())).startsWith("{\"code\":3,\"message\":\"the body is not valid JSON");
	}

	private CompletableResultCode export(OtlpHttpLogRecordExporterBuilder builder, String key,
			List<LogRecordData> records) {
		return OtelSdkClient.export(this.port, builder, key, records);
	}

	/** The exporter's own encoding of the records, to read the answer it ignores. */
	private static byte[] protobuf(List<LogRecordData> records) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		LogsRequestMarshaler.create(records).writeBinaryTo(out);
		return out.toByteArray();
	}

	private HttpResponse<byte[]> post(String contentType, byte[] body) throws IOException, InterruptedException {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/v1/logs"))
				.timeout(Duration.ofSeconds(60))
				.header("Content-Type", contentType)
				.header("Authorization", "Bearer " + ShipperKeys.APP)
				.POST(HttpRequest.BodyPublishers.ofByteArray(body))
				.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private static List<LogRecordData> records(String service, String... bodies) {
		return OtelSdkClient.records(service, bodies);
	}

}
