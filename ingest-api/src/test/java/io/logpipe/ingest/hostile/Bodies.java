package io.logpipe.ingest.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import com.github.loki4j.pkg.google.protobuf.Timestamp;
import com.github.loki4j.pkg.loki.protobuf.Push;
import com.google.protobuf.CodedOutputStream;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.resource.v1.Resource;
import org.xerial.snappy.Snappy;

/**
 * The hostile corpus that is too large, or too protocol-specific, to keep as files: each
 * endpoint's well-formed request for a message, the same with extra fields, and the
 * bodies built around a well-formed one (cut, invalid UTF-8 in the message, nested 10,000
 * deep, 100,000 fields, compression bombs). Protobuf bodies that a protobuf library
 * refuses to build (nesting past its recursion limit, strings that are not UTF-8) are
 * written field by field.
 */
public final class Bodies {

	/** The message that {@link #invalidUtf8} replaces with bytes that are not UTF-8. */
	private static final String MARK = "MARKMARK";

	private static final byte[] NOT_UTF8 = { 'x', (byte) 0xff, (byte) 0xfe, (byte) 0xc3, 0x28, 'y', (byte) 0xed,
			(byte) 0xa0, (byte) 0x80 };

	private Bodies() {
	}

	/** One event with this message, as the endpoint's clients send it. */
	public static byte[] good(Endpoint endpoint, String message) {
		return withFields(endpoint, message, "");
	}

	/**
	 * One event with this message and extra JSON members (for a JSON endpoint: inserted
	 * as the event's fields; raw text and protobuf endpoints carry the message only).
	 * @param members {@code ,"a":1,"b":2} or empty
	 */
	public static byte[] withFields(Endpoint endpoint, String message, String members) {
		String quoted = quoted(message);
		return switch (endpoint) {
			case NATIVE, ES_DOC -> Endpoint.utf8("{\"message\":" + quoted + members + "}");
			case ES_BULK -> Endpoint
				.utf8("{\"create\":{\"_index\":\"logs-hostile-default\"}}\n{\"message\":" + quoted + members + "}\n");
			case HEC_EVENT -> Endpoint.utf8("{\"event\":{\"message\":" + quoted + members + "}}");
			case HEC_RAW -> Endpoint.utf8(message + "\n");
			case OTLP_JSON ->
				Endpoint.utf8("{\"resourceLogs\":[{\"scopeLogs\":[{\"logRecords\":[{\"body\":{\"stringValue\":" + quoted
						+ "}" + members + "}]}]}]}");
			case OTLP_PROTOBUF -> otlp(message, 0).toByteArray();
			case LOKI_JSON -> Endpoint.utf8("{\"streams\":[{\"stream\":{\"service_name\":\"hostile\"},\"values\":[[\""
					+ System.currentTimeMillis() * 1_000_000 + "\"," + quoted + "]]" + members + "}]}");
			case LOKI_PROTOBUF -> snappy(loki(message, 0).toByteArray());
			case GELF ->
				Endpoint.utf8("{\"version\":\"1.1\",\"host\":\"h\",\"short_message\":" + quoted + members + "}");
		};
	}

	/** A well-formed body cut in the middle of its event. */
	public static byte[] truncated(Endpoint endpoint) {
		byte[] body = good(endpoint, "x".repeat(200));
		if (endpoint == Endpoint.LOKI_PROTOBUF) {
			return snappy(Arrays.copyOf(loki("x".repeat(200), 0).toByteArray(), 120));
		}
		return Arrays.copyOf(body, body.length * 2 / 3);
	}

	/** A well-formed body whose message holds bytes that are not UTF-8. */
	public static byte[] invalidUtf8(Endpoint endpoint) {
		return switch (endpoint) {
			case OTLP_PROTOBUF -> field(1, field(2, field(2, field(5, field(1, NOT_UTF8)))));
			case LOKI_PROTOBUF -> snappy(field(1, concat(field(1, Endpoint.utf8("{service_name=\"hostile\"}")),
					field(2, concat(field(1, new byte[0]), field(2, NOT_UTF8))))));
			default -> replace(good(endpoint, MARK), Endpoint.utf8(MARK), NOT_UTF8);
		};
	}

	/** An event with a field nested {@code depth} deep (OTLP protobuf: its body). */
	public static byte[] nested(Endpoint endpoint, int depth) {
		if (endpoint == Endpoint.OTLP_PROTOBUF) {
			byte[] value = new byte[0];
			for (int i = 0; i < depth; i++) {
				// AnyValue.array_value (5) of an ArrayValue whose values (1) hold the
				// next.
				value = field(5, field(1, value));
			}
			return field(1, field(2, field(2, field(5, value))));
		}
		return withFields(endpoint, "deep", ",\"a\":" + "[".repeat(depth) + "]".repeat(depth));
	}

	/**
	 * An event with {@code count} fields (OTLP: attributes; Loki: structured metadata).
	 */
	public static byte[] wide(Endpoint endpoint, int count) {
		return switch (endpoint) {
			case OTLP_PROTOBUF -> otlp("wide", count).toByteArray();
			case LOKI_PROTOBUF -> snappy(loki("wide", count).toByteArray());
			case LOKI_JSON -> {
				StringBuilder metadata = new StringBuilder("{");
				for (int i = 0; i < count; i++) {
					metadata.append((i > 0) ? "," : "").append("\"f").append(i).append("\":\"1\"");
				}
				yield Endpoint.utf8("{\"streams\":[{\"stream\":{},\"values\":[[\"1\",\"wide\"," + metadata + "}]]}]}");
			}
			case OTLP_JSON -> {
				StringBuilder attributes = new StringBuilder(",\"attributes\":[");
				for (int i = 0; i < count; i++) {
					attributes.append((i > 0) ? "," : "")
						.append("{\"key\":\"f")
						.append(i)
						.append("\",\"value\":{\"intValue\":1}}");
				}
				yield withFields(endpoint, "wide", attributes.append(']').toString());
			}
			default -> {
				StringBuilder members = new StringBuilder();
				for (int i = 0; i < count; i++) {
					members.append(",\"").append((endpoint == Endpoint.GELF) ? "_f" : "f").append(i).append("\":1");
				}
				yield withFields(endpoint, "wide", members.toString());
			}
		};
	}

	/** {@code size} bytes of one character. */
	public static byte[] filled(int size, char c) {
		byte[] bytes = new byte[size];
		Arrays.fill(bytes, (byte) c);
		return bytes;
	}

	public static byte[] gzip(byte[] bytes) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	public static byte[] snappy(byte[] bytes) {
		try {
			return Snappy.compress(bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static ExportLogsServiceRequest otlp(String message, int attributes) {
		LogRecord.Builder record = LogRecord.newBuilder().setBody(AnyValue.newBuilder().setStringValue(message));
		for (int i = 0; i < attributes; i++) {
			record.addAttributes(KeyValue.newBuilder().setKey("f" + i).setValue(AnyValue.newBuilder().setIntValue(1)));
		}
		return ExportLogsServiceRequest.newBuilder()
			.addResourceLogs(ResourceLogs.newBuilder()
				.setResource(Resource.newBuilder()
					.addAttributes(KeyValue.newBuilder()
						.setKey("service.name")
						.setValue(AnyValue.newBuilder().setStringValue("hostile"))))
				.addScopeLogs(ScopeLogs.newBuilder().addLogRecords(record)))
			.build();
	}

	static Push.PushRequest loki(String line, int metadata) {
		Push.EntryAdapter.Builder entry = Push.EntryAdapter.newBuilder()
			.setTimestamp(Timestamp.newBuilder().setSeconds(System.currentTimeMillis() / 1000))
			.setLine(line);
		for (int i = 0; i < metadata; i++) {
			entry.addStructuredMetadata(Push.LabelPairAdapter.newBuilder().setName("f" + i).setValue("1"));
		}
		return Push.PushRequest.newBuilder()
			.addStreams(Push.StreamAdapter.newBuilder().setLabels("{service_name=\"hostile\"}").addEntries(entry))
			.build();
	}

	/** A length-delimited protobuf field. */
	static byte[] field(int number, byte[] value) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length + 10);
		CodedOutputStream out = CodedOutputStream.newInstance(bytes);
		try {
			out.writeByteArray(number, value);
			out.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	private static byte[] concat(byte[] first, byte[] second) {
		byte[] both = Arrays.copyOf(first, first.length + second.length);
		System.arraycopy(second, 0, both, first.length, second.length);
		return both;
	}

	private static byte[] replace(byte[] body, byte[] what, byte[] with) {
		for (int i = 0; i <= body.length - what.length; i++) {
			if (Arrays.equals(body, i, i + what.length, what, 0, what.length)) {
				byte[] replaced = Arrays.copyOf(body, body.length - what.length + with.length);
				System.arraycopy(with, 0, replaced, i, with.length);
				System.arraycopy(body, i + what.length, replaced, i + with.length, body.length - i - what.length);
				return replaced;
			}
		}
		throw new IllegalArgumentException("no mark in the body");
	}

	private static String quoted(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

}
