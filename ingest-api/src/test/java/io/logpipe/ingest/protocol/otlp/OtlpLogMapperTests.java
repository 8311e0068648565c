package io.logpipe.ingest.protocol.otlp;

import java.util.List;
import java.util.Map;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.common.v1.KeyValueList;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.logs.v1.SeverityNumber;
import io.opentelemetry.proto.resource.v1.Resource;
import org.junit.jupiter.api.Test;

import io.logpipe.ingest.problem.ProblemType;
import io.logpipe.ingest.protocol.ProtocolEvent;
import io.logpipe.ingest.protocol.ProtocolItem;

import static org.assertj.core.api.Assertions.assertThat;

class OtlpLogMapperTests {

	@Test
	void mapsEveryPartOfARecordToTheNamesTheParserReads() {
		LogRecord record = LogRecord.newBuilder()
			.setTimeUnixNano(1_700_000_000_123_456_789L)
			.setObservedTimeUnixNano(1_700_000_001_000_000_000L)
			.setSeverityNumber(SeverityNumber.SEVERITY_NUMBER_WARN)
			.setSeverityText("Warning")
			.setBody(string("payment declined"))
			.addAttributes(attribute("http.response.status_code", AnyValue.newBuilder().setIntValue(402).build()))
			.addAttributes(attribute("exception.type", string("java.lang.IllegalStateException")))
			.addAttributes(attribute("exception.stacktrace", string("at Cart.pay(Cart.java:1)")))
			.addAttributes(attribute("k8s.pod.name", string("from-the-record")))
			.setTraceId(ByteString.fromHex("5b8efff798038103d269b633813fc60c"))
			.setSpanId(ByteString.fromHex("eee19b7ec3c1b174"))
			.setFlags(1)
			.setEventName("cart.payment")
			.setDroppedAttributesCount(2)
			.build();

		ProtocolEvent event = only(request(record));

		assertThat(event.message()).isEqualTo("payment declined");
		assertThat(event.service()).isEqualTo("checkout");
		assertThat(event.environment()).isEqualTo("prod");
		assertThat(event.host()).isEqualTo("web-1");
		assertThat(event.size()).isEqualTo(record.getSerializedSize());
		assertThat(event.fields()).containsEntry("@timestamp", "2023-11-14T22:13:20.123456789Z")
			.containsEntry("event.created", "2023-11-14T22:13:21Z")
			.containsEntry("log.level", "Warning")
			.containsEntry("event.severity", 13)
			.containsEntry("trace.id", "5b8efff798038103d269b633813fc60c")
			.containsEntry("span.id", "eee19b7ec3c1b174")
			.containsEntry("otel.trace_flags", 1)
			.containsEntry("event.name", "cart.payment")
			.containsEntry("otel.dropped_attributes_count", 2)
			.containsEntry("http.response.status_code", 402L)
			.containsEntry("error.type", "java.lang.IllegalStateException")
			.containsEntry("error.stack_trace", "at Cart.pay(Cart.java:1)")
			.containsEntry("service.namespace", "shop")
			.containsEntry("log.logger", "io.example.Cart")
			.containsEntry("otel.scope.version", "1.2.0")
			.containsEntry("scope.attribute", true)
			.as("the record's attribute wins over the resource's")
			.containsEntry("k8s.pod.name", "from-the-record")
			.doesNotContainKeys("service.name", "host.name", "deployment.environment.name", "exception.type");
	}

	@Test
	void usesTheObservedTimeAndTheSeverityNumberWhenTheRecordHasNoOthers() {
		ProtocolEvent event = only(request(LogRecord.newBuilder()
			.setObservedTimeUnixNano(1_700_000_000_000_000_000L)
			.setSeverityNumber(SeverityNumber.SEVERITY_NUMBER_ERROR2)
			.setBody(string("x"))
			.build()));

		assertThat(event.fields()).containsEntry("@timestamp", "2023-11-14T22:13:20Z")
			.containsEntry("log.level", "ERROR");
	}

	@Test
	void keepsAStructuredBodyAsBody() {
		AnyValue body = AnyValue.newBuilder()
			.setKvlistValue(KeyValueList.newBuilder()
				.addValues(attribute("order", AnyValue.newBuilder().setIntValue(7).build()))
				.addValues(attribute("items",
						AnyValue.newBuilder()
							.setArrayValue(ArrayValue.newBuilder().addValues(string("a")).addValues(string("b")))
							.build()))
				.addValues(
						attribute("raw", AnyValue.newBuilder().setBytesValue(ByteString.copyFromUtf8("hi")).build())))
			.build();

		ProtocolEvent event = only(request(LogRecord.newBuilder().setBody(body).build()));

		assertThat(event.message()).isNull();
		assertThat(event.fields()).containsEntry("body",
				Map.of("order", 7L, "items", List.of("a", "b"), "raw", "aGk="));
	}

	@Test
	void rejectsARecordWithAnIdOfTheWrongLengthAlone() {
		List<ProtocolItem> items = OtlpLogMapper.map(ExportLogsServiceRequest.newBuilder()
			.addResourceLogs(ResourceLogs.newBuilder()
				.addScopeLogs(ScopeLogs.newBuilder()
					.addLogRecords(LogRecord.newBuilder().setBody(string("good")))
					.addLogRecords(
							LogRecord.newBuilder().setBody(string("bad")).setTraceId(ByteString.fromHex("abcd")))))
			.build());

		assertThat(items).hasSize(2);
		assertThat(items.get(0)).isInstanceOf(ProtocolEvent.class);
		assertThat(items.get(1)).isInstanceOfSatisfying(ProtocolItem.Invalid.class, (invalid) -> {
			assertThat(invalid.type()).isEqualTo(ProblemType.INVALID_EVENT);
			assertThat(invalid.detail()).contains("trace_id must be 16 bytes");
		});
	}

	@Test
	void namesLevelsBySeverityNumberRanges() {
		assertThat(OtlpLogMapper.levelOf(1)).isEqualTo("TRACE");
		assertThat(OtlpLogMapper.levelOf(8)).isEqualTo("DEBUG");
		assertThat(OtlpLogMapper.levelOf(9)).isEqualTo("INFO");
		assertThat(OtlpLogMapper.levelOf(16)).isEqualTo("WARN");
		assertThat(OtlpLogMapper.levelOf(24)).isEqualTo("FATAL");
		assertThat(OtlpLogMapper.levelOf(0)).isNull();
		assertThat(OtlpLogMapper.levelOf(25)).isNull();
	}

	private static ExportLogsServiceRequest request(LogRecord record) {
		return ExportLogsServiceRequest.newBuilder()
			.addResourceLogs(ResourceLogs.newBuilder()
				.setResource(Resource.newBuilder()
					.addAttributes(attribute("service.name", string("checkout")))
					.addAttributes(attribute("service.namespace", string("shop")))
					.addAttributes(attribute("deployment.environment.name", string("prod")))
					.addAttributes(attribute("host.name", string("web-1")))
					.addAttributes(attribute("k8s.pod.name", string("from-the-resource"))))
				.addScopeLogs(ScopeLogs.newBuilder()
					.setScope(InstrumentationScope.newBuilder()
						.setName("io.example.Cart")
						.setVersion("1.2.0")
						.addAttributes(attribute("scope.attribute", AnyValue.newBuilder().setBoolValue(true).build())))
					.addLogRecords(record)))
			.build();
	}

	private static ProtocolEvent only(ExportLogsServiceRequest request) {
		List<ProtocolItem> items = OtlpLogMapper.map(request);
		assertThat(items).hasSize(1);
		return (ProtocolEvent) items.getFirst();
	}

	private static KeyValue attribute(String key, AnyValue value) {
		return KeyValue.newBuilder().setKey(key).setValue(value).build();
	}

	private static AnyValue string(String value) {
		return AnyValue.newBuilder().setStringValue(value).build();
	}

}
