package io.logpipe.indexer.index;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads the answer to a bulk request: the status and error of each item, in the order of
 * the request, in one streaming pass that skips everything else ({@code _shards},
 * {@code _version}, the error's {@code caused_by}, ...).
 */
final class BulkAnswer {

	private BulkAnswer() {
	}

	/**
	 * One item of the answer.
	 *
	 * @param status its HTTP status
	 * @param errorType the error's type, or null
	 * @param errorReason the error's reason, or null
	 */
	record Item(int status, String errorType, String errorReason) {
	}

	static List<Item> items(ObjectMapper mapper, InputStream answer) throws IOException {
		try (JsonParser parser = mapper.createParser(answer)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				throw new IOException("the bulk answer is not a JSON object");
			}
			List<Item> items = null;
			for (String name = parser.nextName(); name != null; name = parser.nextName()) {
				JsonToken value = parser.nextToken();
				if (name.equals("items") && value == JsonToken.START_ARRAY) {
					items = readItems(parser);
				}
				else {
					parser.skipChildren();
				}
			}
			if (items == null) {
				throw new IOException("the bulk answer has no items");
			}
			return items;
		}
		catch (JacksonException ex) {
			throw new IOException("unreadable bulk answer: " + ex.getOriginalMessage(), ex);
		}
	}

	/** Items look like {@code {"create":{"status":201, ...}}}. */
	private static List<Item> readItems(JsonParser parser) {
		List<Item> items = new ArrayList<>();
		while (parser.nextToken() == JsonToken.START_OBJECT) {
			Item item = null;
			for (String operation = parser.nextName(); operation != null; operation = parser.nextName()) {
				if (parser.nextToken() == JsonToken.START_OBJECT) {
					item = readItem(parser);
				}
				else {
					parser.skipChildren();
				}
			}
			items.add((item != null) ? item : new Item(0, "unreadable_item", "an item without an operation"));
		}
		return items;
	}

	private static Item readItem(JsonParser parser) {
		int status = 0;
		String errorType = null;
		String errorReason = null;
		for (String name = parser.nextName(); name != null; name = parser.nextName()) {
			JsonToken value = parser.nextToken();
			if (name.equals("status") && value == JsonToken.VALUE_NUMBER_INT) {
				status = parser.getIntValue();
			}
			else if (name.equals("error") && value == JsonToken.START_OBJECT) {
				for (String field = parser.nextName(); field != null; field = parser.nextName()) {
					JsonToken text = parser.nextToken();
					if (field.equals("type") && text == JsonToken.VALUE_STRING) {
						errorType = parser.getString();
					}
					else if (field.equals("reason") && text == JsonToken.VALUE_STRING) {
						errorReason = parser.getString();
					}
					else {
						parser.skipChildren();
					}
				}
			}
			else {
				parser.skipChildren();
			}
		}
		return new Item(status, errorType, errorReason);
	}

}
