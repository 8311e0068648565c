package io.logpipe.ingest.protocol.otlp;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import org.junit.jupiter.api.Test;

import io.logpipe.common.codec.EventCodec;
import io.logpipe.ingest.problem.ProblemType;
import io.logpipe.service.problem.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OtlpBodyTests {

	private static final String TRACE_ID = "5b8efff798038103d269b633813fc60c";

	private static final String SPAN_ID = "eee19b7ec3c1b174";

	private final OtlpBody body = new OtlpBody(new EventCodec().mapper());

	@Test
	void readsOtlpJsonsHexIdsAsTheBytesTheyNameNotAsBase64() {
		String json = """
				{"resourceLogs":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"checkout"}}]},
				  "scopeLogs":[{"scope":{"name":"io.example.Cart"},"logRecords":[{
				    "timeUnixNano":"1700000000123456789","observedTimeUnixNano":1700000000200000000,
				    "severityNumber":17,"severityText":"ERROR","body":{"stringValue":"payment declined"},
				    "attributes":[{"key":"cart.items","value":{"intValue":"3"}}],
				    "traceId":"%s","spanId":"%s","flags":1,"someFutureField":{"x":1}}]}]}]}
				""".formatted(TRACE_ID, SPAN_ID);

		ExportLogsServiceRequest request = this.body.read(json.getBytes(StandardCharsets.UTF_8), OtlpEncoding.JSON);

		LogRecord record = request.getResourceLogs(0).getScopeLogs(0).getLogRecords(0);
		assertThat(HexFormat.of().formatHex(record.getTraceId().toByteArray())).isEqualTo(TRACE_ID);
		assertThat(HexFormat.of().formatHex(record.getSpanId().toByteArray())).isEqualTo(SPAN_ID);
		assertThat(record.getTimeUnixNano()).isEqualTo(1700000000123456789L);
		assertThat(record.getObservedTimeUnixNano()).isEqualTo(1700000000200000000L);
		assertThat(record.getSeverityNumberValue()).isEqualTo(17);
		assertThat(record.getAttributes(0).getValue().getIntValue()).isEqualTo(3);
	}

	@Test
	void readsTheOriginalProtoFieldNamesToo() {
		String json = """
				{"resource_logs":[{"scope_logs":[{"log_records":[{"trace_id":"%s","body":{"string_value":"x"}}]}]}]}
				""".formatted(TRACE_ID);

		ExportLogsServiceRequest request = this.body.read(json.getBytes(StandardCharsets.UTF_8), OtlpEncoding.JSON);

		LogRecord record = request.getResourceLogs(0).getScopeLogs(0).getLogRecords(0);
		assertThat(HexFormat.of().formatHex(record.getTraceId().toByteArray())).isEqualTo(TRACE_ID);
		assertThat(record.getBody().getStringValue()).isEqualTo("x");
	}

	@Test
	void readsProtobuf() {
		byte[] protobuf = request("hello").toByteArray();

		assertThat(this.body.read(protobuf, OtlpEncoding.PROTOBUF)).isEqualTo(request("hello"));
	}

	@Test
	void refusesATruncatedProtobufBody() {
		byte[] protobuf = request("a message long enough to cut").toByteArray();

		assertThatThrownBy(() -> this.body.read(Arrays.copyOf(protobuf, protobuf.length - 5), OtlpEncoding.PROTOBUF))
			.isInstanceOfSatisfying(ProblemException.class,
					(ex) -> assertThat(ex.kind()).isEqualTo(ProblemType.MALFORMED_BODY))
			.hasMessageContaining("not a protobuf ExportLogsServiceRequest");
	}

	@Test
	void refusesAnIdThatIsNotHex() {
		String json = """
				{"resourceLogs":[{"scopeLogs":[{"logRecords":[{"traceId":"W47/95gDgQPSabYzgT/GDA=="}]}]}]}
				""";

		assertThatThrownBy(() -> this.body.read(json.getBytes(StandardCharsets.UTF_8), OtlpEncoding.JSON))
			.isInstanceOf(ProblemException.class)
			.hasMessageContaining("'traceId' must be hex");
	}

	@Test
	void refusesJsonThatIsNotAnExportRequest() {
		assertThatThrownBy(() -> this.body.read("[1,2]".getBytes(StandardCharsets.UTF_8), OtlpEncoding.JSON))
			.isInstanceOf(ProblemException.class)
			.hasMessageContaining("JSON ExportLogsServiceRequest");
		assertThatThrownBy(
				() -> this.body.read("{\"resourceLogs\":{".getBytes(StandardCharsets.UTF_8), OtlpEncoding.JSON))
			.isInstanceOf(ProblemException.class)
			.hasMessageContaining("not valid JSON");
		assertThatThrownBy(() -> this.body
			.read("{\"resourceLogs\":[{\"scopeLogs\":\"x\"}]}".getBytes(StandardCharsets.UTF_8), OtlpEncoding.JSON))
			.isInstanceOf(ProblemException.class)
			.hasMessageContaining("not an OTLP JSON ExportLogsServiceRequest");
	}

	@Test
	void choosesJsonOnlyForAJsonContentType() {
		assertThat(OtlpEncoding.of("application/json; charset=utf-8")).isEqualTo(OtlpEncoding.JSON);
		assertThat(OtlpEncoding.of("application/x-protobuf")).isEqualTo(OtlpEncoding.PROTOBUF);
		assertThat(OtlpEncoding.of(null)).isEqualTo(OtlpEncoding.PROTOBUF);
	}

	static ExportLogsServiceRequest request(String message) {
		return ExportLogsServiceRequest.newBuilder()
			.addResourceLogs(ResourceLogs.newBuilder()
				.addScopeLogs(ScopeLogs.newBuilder()
					.addLogRecords(LogRecord.newBuilder()
						.setBody(AnyValue.newBuilder().setStringValue(message))
						.setTraceId(ByteString.fromHex(TRACE_ID))
						.setSpanId(ByteString.fromHex(SPAN_ID)))))
			.build();
	}

}
