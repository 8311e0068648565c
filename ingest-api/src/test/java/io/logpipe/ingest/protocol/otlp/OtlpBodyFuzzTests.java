package io.logpipe.ingest.protocol.otlp;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.resource.v1.Resource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.logpipe.common.codec.EventCodec;
import io.logpipe.ingest.FuzzFixtures;
import io.logpipe.testsupport.fuzz.Fuzz;
import io.logpipe.testsupport.fuzz.Inputs;

/**
 * The OTLP reader and mapper on generated bodies, protobuf and JSON: mutations of a real
 * export request (resource attributes naming another tenant's {@code organization.id} and
 * {@code data_stream.namespace} too) and noise. It maps the records or rejects the body
 * with a problem, in time.
 */
class OtlpBodyFuzzTests {

	private static final String JSON = """
			{"resourceLogs":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"checkout"}},
			{"key":"organization.id","value":{"stringValue":"othertenant"}}]},
			"scopeLogs":[{"scope":{"name":"app"},"logRecords":[{"timeUnixNano":"1700000000000000000",
			"severityNumber":13,"body":{"stringValue":"m"},"traceId":"5b8efff798038103d269b633813fc60c",
			"spanId":"eee19b7ec3c1b174","attributes":[{"key":"n","value":{"arrayValue":{"values":[{"intValue":"1"}]}}}]}]}]}]}
			""";

	private final OtlpBody body = new OtlpBody(new EventCodec().mapper());

	@ParameterizedTest(name = "{0}")
	@EnumSource(OtlpEncoding.class)
	void mapsOrRejectsAnyBody(OtlpEncoding encoding) {
		List<byte[]> examples = List
			.of((encoding == OtlpEncoding.JSON) ? JSON.getBytes(StandardCharsets.UTF_8) : protobuf().toByteArray());
		Fuzz.of("OTLP " + encoding,
				(random) -> (random.nextInt(5) == 0) ? Inputs.bytes(random, 512) : Inputs.mutated(random, examples))
			.tries(FuzzFixtures.TRIES)
			.budget(FuzzFixtures.BUDGET)
			.check((bytes) -> FuzzFixtures
				.succeedsOrRejects((ignored) -> OtlpLogMapper.map(this.body.read(bytes, encoding))));
	}

	private static ExportLogsServiceRequest protobuf() {
		return ExportLogsServiceRequest.newBuilder()
			.addResourceLogs(ResourceLogs.newBuilder()
				.setResource(Resource.newBuilder()
					.addAttributes(attribute("service.name", "checkout"))
					.addAttributes(attribute("data_stream.namespace", "othertenant")))
				.addScopeLogs(ScopeLogs.newBuilder()
					.addLogRecords(LogRecord.newBuilder()
						.setTimeUnixNano(1_700_000_000_000_000_000L)
						.setSeverityNumberValue(17)
						.setBody(AnyValue.newBuilder()
							.setArrayValue(ArrayValue.newBuilder()
								.addValues(AnyValue.newBuilder().setStringValue("m"))
								.addValues(AnyValue.newBuilder().setIntValue(7))))
						.setTraceId(ByteString.fromHex("5b8efff798038103d269b633813fc60c"))
						.setSpanId(ByteString.fromHex("eee19b7ec3c1b174"))
						.addAttributes(attribute("exception.type", "IOException")))))
			.build();
	}

	private static KeyValue attribute(String key, String value) {
		return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setStringValue(value)).build();
	}

}
