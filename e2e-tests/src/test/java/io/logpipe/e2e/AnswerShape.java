package io.logpipe.e2e;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Compares an answer with the one the README shows: the same HTTP status and headers
 * (when shown), the same JSON values with the same members at every level and the same
 * texts, numbers and truth values, except for what differs from run to run (ids,
 * instants, the date in a backing index name, and the values of numeric headers).
 */
final class AnswerShape {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z");

	private static final Pattern INDEX_DATE = Pattern.compile("\\d{4}\\.\\d{2}\\.\\d{2}");

	private AnswerShape() {
	}

	/**
	 * An answer: the status and headers when {@code curl -i} printed them, and the body.
	 */
	record Answer(Integer status, Map<String, String> headers, List<JsonNode> body) {

		static Answer parse(String text) {
			String normalized = text.replace("\r\n", "\n").strip();
			if (!normalized.startsWith("HTTP/")) {
				return new Answer(null, Map.of(), values(normalized));
			}
			int end = normalized.indexOf("\n\n");
			String head = (end < 0) ? normalized : normalized.substring(0, end);
			String body = (end < 0) ? "" : normalized.substring(end + 2);
			List<String> lines = head.lines().toList();
			int status = Integer.parseInt(lines.get(0).split(" ")[1]);
			Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
			for (String line : lines.subList(1, lines.size())) {
				int colon = line.indexOf(':');
				headers.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
			}
			return new Answer(status, headers, values(body));
		}

		private static List<JsonNode> values(String text) {
			List<JsonNode> values = new ArrayList<>();
			if (!text.isBlank()) {
				json.readerFor(JsonNode.class).<JsonNode>readValues(text).forEachRemaining(values::add);
			}
			return values;
		}

	}

	/**
	 * What differs between the answer the README shows and the actual one; empty when
	 * none.
	 */
	static List<String> differences(Answer shown, Answer actual) {
		List<String> differences = new ArrayList<>();
		if (shown.status() != null) {
			if (!shown.status().equals(actual.status())) {
				differences.add("status " + actual.status() + " instead of " + shown.status());
			}
			shown.headers().forEach((name, value) -> {
				String actualValue = actual.headers().get(name);
				if (actualValue == null) {
					differences.add("no header " + name);
				}
				else if (!value.matches("\\d+") && !value.equals(actualValue)) {
					differences.add("header " + name + ": " + actualValue + " instead of " + value);
				}
			});
		}
		if (shown.body().size() != actual.body().size()) {
			differences.add(actual.body().size() + " JSON answers instead of " + shown.body().size());
			return differences;
		}
		for (int i = 0; i < shown.body().size(); i++) {
			compare("answer " + (i + 1), shown.body().get(i), actual.body().get(i), differences);
		}
		return differences;
	}

	private static void compare(String path, JsonNode shown, JsonNode actual, List<String> differences) {
		if (shown.getNodeType() != actual.getNodeType()) {
			differences.add(path + ": " + actual.getNodeType() + " " + actual + " instead of " + shown.getNodeType());
		}
		else if (shown.isObject()) {
			Set<String> shownNames = names(shown);
			Set<String> actualNames = names(actual);
			if (!shownNames.equals(actualNames)) {
				differences.add(path + ": members " + actualNames + " instead of " + shownNames);
			}
			shownNames.stream()
				.filter(actualNames::contains)
				.forEach((name) -> compare(path + "." + name, shown.get(name), actual.get(name), differences));
		}
		else if (shown.isArray()) {
			if (shown.size() != actual.size()) {
				differences.add(path + ": " + actual.size() + " elements instead of " + shown.size());
			}
			for (int i = 0; i < Math.min(shown.size(), actual.size()); i++) {
				compare(path + "[" + i + "]", shown.get(i), actual.get(i), differences);
			}
		}
		else if (shown.isString()) {
			if (!variable(shown.asString()).equals(variable(actual.asString()))) {
				differences.add(path + ": \"" + actual.asString() + "\" instead of \"" + shown.asString() + "\"");
			}
		}
		else if (!shown.equals(actual)) {
			differences.add(path + ": " + actual + " instead of " + shown);
		}
	}

	private static Set<String> names(JsonNode object) {
		Set<String> names = new HashSet<>();
		object.properties().forEach((member) -> names.add(member.getKey()));
		return names;
	}

	private static String variable(String text) {
		String withoutIds = UUID.matcher(text).replaceAll("<id>");
		String withoutInstants = INSTANT.matcher(withoutIds).replaceAll("<instant>");
		return INDEX_DATE.matcher(withoutInstants).replaceAll("<date>");
	}

}
