package io.logpipe.ingest.body;

import java.io.IOException;

import org.xerial.snappy.Snappy;

import io.logpipe.ingest.problem.ProblemType;
import io.logpipe.service.problem.ProblemException;

/**
 * Snappy's block format: the compressed bytes start with the decoded length, which is
 * checked against the limit before anything is allocated for it.
 */
final class SnappyBlock {

	private SnappyBlock() {
	}

	static byte[] decode(byte[] compressed, long limit, Runnable overLimit) {
		try {
			if (!Snappy.isValidCompressedBuffer(compressed)) {
				throw notSnappy(null);
			}
			if (Snappy.uncompressedLength(compressed) > limit) {
				overLimit.run();
			}
			return Snappy.uncompress(compressed);
		}
		catch (IOException ex) {
			throw notSnappy(ex);
		}
	}

	private static ProblemException notSnappy(Exception cause) {
		return new ProblemException(ProblemType.MALFORMED_BODY,
				"the body could not be decoded as snappy (block format)", cause);
	}

}
