package io.logpipe.bench;

import java.time.Instant;
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

	/** A raw record, as ingest-api writes it, whose message is an access-log line. */
	static byte[] accessLogRecord(String tenant, String service, long n) {
		String line = "10.0." + (n % 200) + "." + (n % 250) + " - - [21/Nov/2026:10:00:" + String.format("%02d", n % 60)
				+ " +0000] \"GET /api/orders/" + n + " HTTP/1.1\" " + ((n % 20 == 0) ? 500 : 200) + " " + (n % 5000)
				+ " \"-\" \"Mozilla/5.0 (X11; Linux x86_64) bench/1.0\"";
		RawLogRecord record = new RawLogRecord(RawLogRecord.SCHEMA_VERSION, UUID.randomUUID().toString(), tenant,
				Instant.now(), Category.APP, RawLogRecord.PROTOCOL_NATIVE,
				new Source(service, "bench-host-" + (n % 4), "bench", "127.0.0.1"), line, Map.of(), null);
		return codec.encode(record);
	}

}
