package io.logpipe.ingest.body;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

import com.github.luben.zstd.ZstdInputStreamNoFinalizer;

import io.logpipe.ingest.problem.ProblemType;
import io.logpipe.service.problem.ProblemException;

/**
 * The {@code Content-Encoding}s ingest decodes, each as a stream, so that the caller's
 * counting limit stops a bomb after the first bytes over the bound. Snappy is the
 * exception: its block format (what Loki and Prometheus remote write send) is not
 * streamable, so {@link SnappyBlock} reads the declared size first.
 */
enum ContentDecoding {

	IDENTITY, GZIP, DEFLATE, ZSTD, SNAPPY;

	static ContentDecoding of(String contentEncoding) {
		if (contentEncoding == null || contentEncoding.isBlank()) {
			return IDENTITY;
		}
		return switch (contentEncoding.strip().toLowerCase(Locale.ROOT)) {
			case "identity" -> IDENTITY;
			case "gzip", "x-gzip" -> GZIP;
			case "deflate" -> DEFLATE;
			case "zstd" -> ZSTD;
			case "snappy" -> SNAPPY;
			default -> throw new ProblemException(ProblemType.UNSUPPORTED_ENCODING, "Content-Encoding '"
					+ contentEncoding + "' is not supported; use gzip, deflate, zstd, snappy or none");
		};
	}

	/** The decoded stream of a stream-decodable encoding. */
	InputStream decode(InputStream raw) throws IOException {
		return switch (this) {
			case IDENTITY -> raw;
			case GZIP -> new GZIPInputStream(raw, 8192);
			case DEFLATE -> deflate(raw);
			case ZSTD -> new ZstdInputStreamNoFinalizer(raw);
			case SNAPPY -> throw new IllegalStateException("snappy is decoded as a block");
		};
	}

	/**
	 * HTTP's deflate is zlib-wrapped (RFC 9110 8.4.1.2), but some clients send a raw
	 * deflate stream: tell them apart by the zlib header.
	 */
	private static InputStream deflate(InputStream raw) throws IOException {
		PushbackInputStream in = new PushbackInputStream(raw, 2);
		int first = in.read();
		int second = in.read();
		if (second >= 0) {
			in.unread(second);
		}
		if (first >= 0) {
			in.unread(first);
		}
		boolean zlib = first >= 0 && second >= 0 && (first & 0x0F) == 8 && ((first << 8) | second) % 31 == 0;
		return new InflaterInputStream(in, new Inflater(!zlib), 8192);
	}

}
