package io.logpipe.ingest.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

import com.github.luben.zstd.Zstd;
import org.xerial.snappy.Snappy;

/** Request bodies as clients compress them. */
final class Compression {

	private Compression() {
	}

	static byte[] gzip(byte[] bytes) {
		return compress(bytes, GZIPOutputStream::new);
	}

	/** HTTP's deflate: the zlib format. */
	static byte[] zlib(byte[] bytes) {
		return compress(bytes, DeflaterOutputStream::new);
	}

	/**
	 * What some clients send as deflate: a raw deflate stream without the zlib header.
	 */
	static byte[] rawDeflate(byte[] bytes) {
		return compress(bytes,
				(out) -> new DeflaterOutputStream(out, new Deflater(Deflater.DEFAULT_COMPRESSION, true)));
	}

	static byte[] zstd(byte[] bytes) {
		return Zstd.compress(bytes);
	}

	static byte[] snappy(byte[] bytes) {
		try {
			return Snappy.compress(bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A gzip bomb: {@code members} copies of one gzip member of 10 MiB of zeros (about 10
	 * KB each). Gzip readers decode concatenated members as one stream.
	 */
	static byte[] gzipBomb(int members) {
		byte[] member = gzip(new byte[10 * 1024 * 1024]);
		ByteArrayOutputStream out = new ByteArrayOutputStream(member.length * members);
		for (int i = 0; i < members; i++) {
			out.writeBytes(member);
		}
		return out.toByteArray();
	}

	private static byte[] compress(byte[] bytes, Wrapper wrapper) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (OutputStream compressing = wrapper.wrap(out)) {
			compressing.write(bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	@FunctionalInterface
	private interface Wrapper {

		OutputStream wrap(OutputStream out) throws IOException;

	}

}
