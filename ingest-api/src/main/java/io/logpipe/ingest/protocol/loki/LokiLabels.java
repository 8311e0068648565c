package io.logpipe.ingest.protocol.loki;

import java.util.LinkedHashMap;
import java.util.Map;

import io.logpipe.ingest.problem.ProblemType;
import io.logpipe.service.problem.ProblemException;

/**
 * Reads a stream's labels in the Prometheus label syntax the protobuf push carries:
 * {@code {job="varlogs", filename="/var/log/syslog"}}.
 *
 * <p>
 * Lenient where real clients are sloppy: winston-loki writes values without escaping
 * them, so a quote inside a value ends it only when a comma or the closing brace follows.
 */
final class LokiLabels {

	private LokiLabels() {
	}

	static Map<String, String> parse(String text) {
		Map<String, String> labels = new LinkedHashMap<>();
		String trimmed = text.strip();
		if (trimmed.isEmpty()) {
			return labels;
		}
		if (trimmed.charAt(0) != '{' || trimmed.charAt(trimmed.length() - 1) != '}') {
			throw invalid(text, "labels must be enclosed in braces");
		}
		int end = trimmed.length() - 1;
		int i = 1;
		while (true) {
			i = skipSpaces(trimmed, i, end);
			if (i >= end) {
				return labels;
			}
			int equals = trimmed.indexOf('=', i);
			if (equals < 0 || equals >= end) {
				throw invalid(text, "a label needs name=\"value\"");
			}
			String name = trimmed.substring(i, equals).strip();
			if (name.isEmpty()) {
				throw invalid(text, "a label name is empty");
			}
			i = skipSpaces(trimmed, equals + 1, end);
			if (i >= end || trimmed.charAt(i) != '"') {
				throw invalid(text, "the value of label '" + name + "' must be quoted");
			}
			StringBuilder value = new StringBuilder();
			i++;
			while (true) {
				if (i >= end) {
					throw invalid(text, "the value of label '" + name + "' is not closed");
				}
				char c = trimmed.charAt(i);
				if (c == '\\' && i + 1 < end) {
					char escaped = trimmed.charAt(i + 1);
					value.append(switch (escaped) {
						case 'n' -> '\n';
						case 't' -> '\t';
						default -> escaped;
					});
					i += 2;
					continue;
				}
				if (c == '"') {
					int next = skipSpaces(trimmed, i + 1, end);
					if (next >= end || trimmed.charAt(next) == ',') {
						i = next + 1;
						break;
					}
				}
				value.append(c);
				i++;
			}
			labels.put(name, value.toString());
		}
	}

	private static int skipSpaces(String text, int from, int end) {
		int i = from;
		while (i < end && Character.isWhitespace(text.charAt(i))) {
			i++;
		}
		return i;
	}

	private static ProblemException invalid(String labels, String why) {
		return new ProblemException(ProblemType.MALFORMED_BODY, "invalid stream labels " + labels + ": " + why);
	}

}
