package io.logpipe.ingest.body;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongConsumer;

import org.springframework.stereotype.Component;

import io.logpipe.ingest.problem.LimitExceeded;
import io.logpipe.ingest.problem.ProblemType;
import io.logpipe.service.problem.ProblemException;

/**
 * Reads a request body, decoding its {@code Content-Encoding}, and never holds more than
 * {@code ingest.limits.max-body-size} of it: both the bytes as sent and the decoded bytes
 * are counted while they stream, and the read fails with 413 at the first byte over the
 * limit.
 */
@Component
public class RequestBodyReader {

	private static final int CHUNK = 64 * 1024;

	private final IngestLimitsProperties limits;

	public RequestBodyReader(IngestLimitsProperties limits) {
		this.limits = limits;
	}

	/**
	 * Fails at once when the declared length is over the limit, before reading anything.
	 * @param contentLength the {@code Content-Length}, or -1 when unknown
	 */
	public void checkDeclaredLength(long contentLength) {
		if (contentLength > this.limits.maxBodySize().toBytes()) {
			throw tooLarge("the body is " + contentLength + " bytes");
		}
	}

	/**
	 * The decoded body.
	 * @param body the body as sent
	 * @param contentEncoding the {@code Content-Encoding} header, or {@code null}
	 * @param decodedSoFar told the number of decoded bytes held so far after every chunk
	 * (the in-flight byte count), and may fail the read
	 * @return the decoded bytes; on the wire the body was {@code bytesIn} long
	 */
	public Body read(InputStream body, String contentEncoding, LongConsumer decodedSoFar) {
		ContentDecoding decoding = ContentDecoding.of(contentEncoding);
		long max = this.limits.maxBodySize().toBytes();
		LimitedInputStream raw = new LimitedInputStream(body, max,
				() -> tooLarge("the body as sent is over the limit"));
		try {
			if (decoding == ContentDecoding.SNAPPY) {
				byte[] compressed = readAll(raw, max, decodedSoFar);
				byte[] decoded = SnappyBlock.decode(compressed, max, () -> {
					throw tooLarge("the decoded (snappy) body is over the limit");
				});
				decodedSoFar.accept(compressed.length + decoded.length);
				return new Body(decoded, raw.count());
			}
			InputStream decoded = new LimitedInputStream(decoding.decode(raw), max, () -> tooLarge(
					"the decoded (" + decoding.name().toLowerCase(java.util.Locale.ROOT) + ") body is over the limit"));
			return new Body(readAll(decoded, max, decodedSoFar), raw.count());
		}
		catch (IOException ex) {
			throw new ProblemException(ProblemType.MALFORMED_BODY, "the body could not be read or decoded as "
					+ decoding.name().toLowerCase(java.util.Locale.ROOT) + ": " + ex.getMessage(), ex);
		}
	}

	private static byte[] readAll(InputStream in, long max, LongConsumer decodedSoFar) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(CHUNK, max));
		byte[] chunk = new byte[CHUNK];
		int n;
		while ((n = in.read(chunk)) >= 0) {
			out.write(chunk, 0, n);
			decodedSoFar.accept(out.size());
		}
		return out.toByteArray();
	}

	private ProblemException tooLarge(String what) {
		return LimitExceeded.problem(ProblemType.BODY_TOO_LARGE, IngestLimitsProperties.PREFIX + "max-body-size",
				this.limits.maxBodySize().toString(),
				what + "; the limit is " + this.limits.maxBodySize().toBytes() + " bytes");
	}

	/**
	 * A decoded body.
	 *
	 * @param bytes the decoded bytes
	 * @param bytesIn how many bytes came over the wire
	 */
	public record Body(byte[] bytes, long bytesIn) {
	}

}
