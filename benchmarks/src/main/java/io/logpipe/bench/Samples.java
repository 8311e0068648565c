package io.logpipe.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import com.github.loki4j.pkg.google.protobuf.Timestamp;
import com.github.loki4j.pkg.loki.protobuf.Push;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.resource.v1.Resource;
import org.xerial.snappy.Snappy;

import io.logpipe.common.codec.EventCodec;
import io.logpipe.common.event.Category;
import io.logpipe.common.event.RawLogRecord;
import io.logpipe.common.event.Source;

/**
 * The events the benchmark sends: JSON lines (the parser's JSON path) in HTTP bodies and
 * access-log lines (its pattern path) as raw records. Bodies vary a counter so that no
 * two events are the same, and are otherwise fixed so runs compare.
 */
final class Samples {

	private static final EventCodec codec = new EventCodec();

	private Samples() {
	}

	/** One event whose message is a JSON line. */
	static String jsonEvent(String service, long n) {
		return "{\"message\":\"" + jsonLine(n).replace("\"", "\\\"") + "\",\"level\":\"info\",\"service\":\"" + service
				+ "\",\"host\":\"" + host(n) + "\",\"environment\":\"bench\"}";
	}

	/** The JSON log line every sample event carries as its message. */
	static String jsonLine(long n) {
		return "{\"level\":\"info\",\"msg\":\"order " + n + " placed\",\"user\":\"u" + (n % 997) + "\",\"duration_ms\":"
				+ (n % 250) + ",\"trace_id\":\"4bf92f3577b34da6a3ce929d0e0e" + String.format("%04x", n % 65536) + "\"}";
	}

	private static String host(long n) {
		return "bench-host-" + (n % 4);
	}

	/**
	 * The same events as {@link #jsonBatch}, as an OpenTelemetry SDK exports them: one
	 * protobuf {@code ExportLogsServiceRequest}, one resource per host.
	 */
	static byte[] otlpBatch(String service, long first, int size) {
		ExportLogsServiceRequest.Builder request = ExportLogsServiceRequest.newBuilder();
		long now = System.currentTimeMillis() * 1_000_000L;
		for (int h = 0; h < 4; h++) {
			ScopeLogs.Builder scope = ScopeLogs.newBuilder();
			for (int i = 0; i < size; i++) {
				long n = first + i;
				if (n % 4 == h) {
					scope.addLogRecords(LogRecord.newBuilder()
						.setTimeUnixNano(now)
						.setSeverityText("info")
						.setBody(AnyValue.newBuilder().setStringValue(jsonLine(n))));
				}
			}
			request.addResourceLogs(ResourceLogs.newBuilder()
				.setResource(Resource.newBuilder()
					.addAttributes(attribute("service.name", service))
					.addAttributes(attribute("host.name", host(h)))
					.addAttributes(attribute("deployment.environment.name", "bench")))
				.addScopeLogs(scope));
		}
		return request.build().toByteArray();
	}

	/**
	 * The same events as {@link #jsonBatch}, as Promtail or Alloy push them: a
	 * snappy-compressed protobuf {@code PushRequest}, one stream per host.
	 */
	static byte[] lokiBatch(String service, long first, int size) {
		Push.PushRequest.Builder request = Push.PushRequest.newBuilder();
		Timestamp now = Timestamp.newBuilder().setSeconds(System.currentTimeMillis() / 1000).build();
		for (int h = 0; h < 4; h++) {
			Push.StreamAdapter.Builder stream = Push.StreamAdapter.newBuilder()
				.setLabels(
						"{service_name=\"" + service + "\", host=\"" + host(h) + "\", env=\"bench\", level=\"info\"}");
			for (int i = 0; i < size; i++) {
				long n = first + i;
				if (n % 4 == h) {
					stream.addEntries(Push.EntryAdapter.newBuilder().setTimestamp(now).setLine(jsonLine(n)));
				}
			}
			request.addStreams(stream);
		}
		try {
			return Snappy.compress(request.build().toByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The same events as {@link #jsonBatch}, as Filebeat or Logstash send them to
	 * Elasticsearch's {@code _bulk}: NDJSON {@code create} actions into the service's
	 * data stream.
	 */
	static byte[] bulkBatch(String service, long first, int size) {
		StringBuilder body = new StringBuilder(size * 320);
		String action = "{\"create\":{\"_index\":\"logs-" + service + "-default\"}}\n";
		for (int i = 0; i < size; i++) {
			long n = first + i;
			body.append(action)
				.append("{\"message\":\"")
				.append(jsonLine(n).replace("\"", "\\\""))
				.append("\",\"log.level\":\"info\",\"host\":{\"name\":\"")
				.append(host(n))
				.append("\"}}\n");
		}
		return body.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static KeyValue attribute(String key, String value) {
		return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setStringValue(value)).build();
	}

	/**
	 * Text the scaling stage pads its events with: random lowercase words, a megabyte of
	 * them, so that a padded event does not repeat its batch's others and compresses as
	 * log text does, not as a run of one letter would.
	 */
	private static final String PADDING = padding(1 << 20);

	private static String padding(int length) {
		SplittableRandom random = new SplittableRandom(42);
		StringBuilder text = new StringBuilder(length);
		while (text.length() < length) {
			int word = 2 + random.nextInt(9);
			for (int i = 0; i < word; i++) {
				text.append((char) ('a' + random.nextInt(26)));
			}
			text.append(' ');
		}
		return text.substring(0, length);
	}

	/**
	 * A JSON array of {@code size} events of {@code bytes} bytes each (their JSON as
	 * sent), spread round-robin over {@code services} services named {@code prefix0},
	 * {@code prefix1}, …: each service is a data stream of its own.
	 */
	static String sizedBatch(String prefix, int services, long first, int size, int bytes) {
		StringBuilder body = new StringBuilder(size * (bytes + 1) + 2).append('[');
		for (int i = 0; i < size; i++) {
			long n = first + i;
			String head = "{\"level\":\"info\",\"service\":\"" + prefix + (n % services) + "\",\"host\":\"" + host(n)
					+ "\",\"message\":\"order " + n + " placed ";
			int pad = Math.max(0, bytes - head.length() - 2);
			int from = (int) ((n * 7919) % (PADDING.length() - pad));
			body.append((i > 0) ? "," : "").append(head).append(PADDING, from, from + pad).append("\"}");
		}
		return body.append(']').toString();
	}

	/** A JSON array of {@code size} events, the body of one batched request. */
	static String jsonBatch(String service, long first, int size) {
		StringBuilder body = new StringBuilder(size * 300).append('[');
		for (int i = 0; i < size; i++) {
			body.append((i > 0) ? "," : "").append(jsonEvent(service, first + i));
		}
		return body.append(']').toString();
	}

	/**
	 * The line formats whose parse rate the benchmark reports
	 * ({@code parser_format_eps}).
	 */
	static final List<String> LINE_FORMATS = List.of("access", "logfmt", "rfc5424", "rfc3164", "plain");

	/**
	 * A raw record whose message is a line of {@code format} (one of
	 * {@link #LINE_FORMATS}), without a format hint, so the parser detects it as it would
	 * for a shipper's line.
	 */
	static byte[] lineRecord(String tenant, String service, long n, String format) {
		String second = String.format("%02d", n % 60);
		String line = switch (format) {
			case "access" -> "10.0." + (n % 200) + "." + (n % 250) + " - - [21/Nov/2026:10:00:" + second
					+ " +0000] \"GET /api/orders/" + n + " HTTP/1.1\" " + ((n % 20 == 0) ? 500 : 200) + " " + (n % 5000)
					+ " \"-\" \"Mozilla/5.0 (X11; Linux x86_64) bench/1.0\"";
			case "logfmt" -> "time=2026-11-21T10:00:" + second + "Z level=" + ((n % 20 == 0) ? "error" : "info")
					+ " msg=\"order " + n + " placed\" order_id=" + n + " duration_ms=" + (n % 900);
			case "rfc5424" -> "<165>1 2026-11-21T10:00:" + second + ".000Z bench-host-" + (n % 4) + " orders "
					+ (1000 + n % 50) + " ID47 [meta order=\"" + n + "\"] order " + n + " placed";
			case "rfc3164" -> "<34>Nov 21 10:00:" + second + " bench-host-" + (n % 4) + " orders[" + (1000 + n % 50)
					+ "]: order " + n + " placed";
			case "plain" -> "order " + n + " placed for customer " + (n % 977) + " in " + (n % 900) + " ms";
			default -> throw new IllegalArgumentException("unknown line format '" + format + "'");
		};
		RawLogRecord record = new RawLogRecord(RawLogRecord.SCHEMA_VERSION, UUID.randomUUID().toString(), tenant,
				Instant.now(), Category.APP, RawLogRecord.PROTOCOL_NATIVE,
				new Source(service, "bench-host-" + (n % 4), "bench", "127.0.0.1"), line, Map.of(), null);
		return codec.encode(record);
	}

}
