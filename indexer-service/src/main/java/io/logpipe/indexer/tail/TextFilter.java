package io.logpipe.indexer.tail;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import tools.jackson.databind.JsonNode;

/**
 * What a tail makes of the search's {@code q}: its words, each of which must occur in the
 * document's {@code message}, ignoring case. A tail filters documents before they are
 * indexed, so Elasticsearch's query syntax cannot be run on them; operators and field
 * names are not understood here (use the explicit filters for fields).
 *
 * @param words lower-case words, empty for every document
 */
record TextFilter(List<String> words) {

	static TextFilter of(String query) {
		if (query == null || query.isBlank()) {
			return new TextFilter(List.of());
		}
		return new TextFilter(Arrays.stream(query.toLowerCase(Locale.ROOT).split("\\s+"))
			.map((word) -> word.replaceAll("^\"|\"$", ""))
			.filter((word) -> !word.isEmpty())
			.toList());
	}

	boolean matches(JsonNode document) {
		if (this.words.isEmpty()) {
			return true;
		}
		JsonNode message = document.get("message");
		if (message == null || !message.isString()) {
			return false;
		}
		String text = message.asString().toLowerCase(Locale.ROOT);
		return this.words.stream().allMatch(text::contains);
	}

}
