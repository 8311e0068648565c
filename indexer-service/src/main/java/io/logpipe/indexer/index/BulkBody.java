package io.logpipe.indexer.index;

import java.nio.charset.StandardCharsets;
import java.util.List;

import tools.jackson.core.io.JsonStringEncoder;

/**
 * The NDJSON body of a bulk request of {@code create} operations, in one array: each
 * document goes as the bytes it arrived in, behind its action line.
 *
 * <p>
 * One array, and not a buffer per line as the Java client's {@code BulkRequest} sends it:
 * the client then writes the body as thousands of HTTP chunks, one system call each, and
 * profiling showed its I/O thread taking a third of a core at 12,000 documents a second.
 */
final class BulkBody {

	private static final byte[] CREATE_INDEX = "{\"create\":{\"_index\":\"".getBytes();

	private static final byte[] ID = "\",\"_id\":\"".getBytes();

	private static final byte[] END_OF_ACTION = "\"}}\n".getBytes();

	private static final int ACTION_LENGTH = CREATE_INDEX.length + ID.length + END_OF_ACTION.length;

	private BulkBody() {
	}

	/**
	 * The body in an array of its exact size, written once: no growing buffer and no copy
	 * of it at the end (the body is the size of the whole batch).
	 */
	static byte[] of(List<PendingDocument> documents) {
		byte[][] ids = new byte[documents.size()][];
		byte[][] streams = new byte[documents.size()][];
		String lastStream = null;
		byte[] lastQuoted = null;
		int size = 0;
		for (int i = 0; i < ids.length; i++) {
			PendingDocument document = documents.get(i);
			// A batch's documents share a few data stream names, often the same object.
			if (document.dataStream() != lastStream) {
				lastStream = document.dataStream();
				lastQuoted = quoted(lastStream);
			}
			streams[i] = lastQuoted;
			ids[i] = quoted(document.id());
			size += ACTION_LENGTH + streams[i].length + ids[i].length + document.json().length + 1;
		}
		byte[] body = new byte[size];
		int at = 0;
		for (int i = 0; i < ids.length; i++) {
			at = put(body, at, CREATE_INDEX);
			at = put(body, at, streams[i]);
			at = put(body, at, ID);
			at = put(body, at, ids[i]);
			at = put(body, at, END_OF_ACTION);
			at = put(body, at, documents.get(i).json());
			body[at++] = '\n';
		}
		return body;
	}

	private static int put(byte[] body, int at, byte[] bytes) {
		System.arraycopy(bytes, 0, body, at, bytes.length);
		return at + bytes.length;
	}

	/**
	 * The text as the content of a JSON string. Data stream names and event ids need no
	 * escaping; their UTF-8 bytes are taken as they are (a fast copy for ASCII), and only
	 * a text with a quote, a backslash or a control character is escaped.
	 */
	private static byte[] quoted(String text) {
		byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
		for (byte b : utf8) {
			if ((b >= 0 && b < 0x20) || b == '"' || b == '\\') {
				return JsonStringEncoder.getInstance().quoteAsUTF8(text);
			}
		}
		return utf8;
	}

}
