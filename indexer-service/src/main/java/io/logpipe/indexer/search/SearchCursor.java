package io.logpipe.indexer.search;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The {@code next} cursor of a page: the sort values ({@code @timestamp} in epoch
 * milliseconds, then {@code event.id}) of its last document, for Elasticsearch's
 * {@code search_after}. Documents that arrive later sort before it, so paging on from a
 * cursor neither repeats nor skips a document. Opaque to clients (base64url).
 *
 * @param timestampMillis the last document's {@code @timestamp}
 * @param eventId the last document's {@code event.id}
 */
record SearchCursor(long timestampMillis, String eventId) {

	String encode() {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString((this.timestampMillis + ":" + this.eventId).getBytes(StandardCharsets.UTF_8));
	}

	List<Object> searchAfter() {
		return List.of(this.timestampMillis, this.eventId);
	}

	/**
	 * @throws SearchException 400 when {@code text} is not a cursor this API gave out
	 */
	static SearchCursor decode(String text) {
		try {
			String decoded = new String(Base64.getUrlDecoder().decode(text.strip()), StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			if (colon > 0 && colon < decoded.length() - 1) {
				return new SearchCursor(Long.parseLong(decoded.substring(0, colon)), decoded.substring(colon + 1));
			}
		}
		catch (IllegalArgumentException ex) {
			// NumberFormatException too: answered below
		}
		throw new SearchException(SearchProblem.INVALID_PARAMETER,
				"'cursor' is not a cursor of this API: pass the 'next' of the previous page as it was");
	}

}
