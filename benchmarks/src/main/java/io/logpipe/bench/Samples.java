package io.logpipe.bench;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
		return "{\"message\":\"{\\\"level\\\":\\\"info\\\",\\\"msg\\\":\\\"order " + n
				+ " placed\\\",\\\"user\\\":\\\"u" + (n % 997) + "\\\",\\\"duration_ms\\\":" + (n % 250)
				+ ",\\\"trace_id\\\":\\\"4bf92f3577b34da6a3ce929d0e0e" + String.format("%04x", n % 65536)
				+ "\\\"}\",\"level\":\"info\",\"service\":\"" + service + "\",\"host\":\"bench-host-" + (n % 4)
				+ "\",\"environment\":\"bench\"}";
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
