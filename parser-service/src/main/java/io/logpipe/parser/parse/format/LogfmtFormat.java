package io.logpipe.parser.parse.format;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * logfmt and other {@code key=value} lines ({@code level=warn msg="disk full" used=93}).
 * A hand-written scanner, linear in the line's length, so it needs no time budget. A line
 * is logfmt only if every token is a pair and there are at least two of them; otherwise
 * prose with one {@code =} in it would be mistaken for it.
 */
final class LogfmtFormat implements FormatParser {

	static final String NAME = "logfmt";

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public Optional<Extracted> parse(String message) {
		Map<String, Object> fields = new LinkedHashMap<>();
		String line = message.strip();
		int i = 0;
		int length = line.length();
		while (i < length) {
			int keyStart = i;
			while (i < length && line.charAt(i) != '=' && !Character.isWhitespace(line.charAt(i))
					&& line.charAt(i) != '"') {
				i++;
			}
			if (i == keyStart || i >= length || line.charAt(i) != '=') {
				return Optional.empty();
			}
			String key = line.substring(keyStart, i);
			i++;
			StringBuilder value = new StringBuilder();
			if (i < length && line.charAt(i) == '"') {
				i++;
				boolean closed = false;
				while (i < length) {
					char c = line.charAt(i++);
					if (c == '\\' && i < length) {
						value.append(line.charAt(i++));
					}
					else if (c == '"') {
						closed = true;
						break;
					}
					else {
						value.append(c);
					}
				}
				if (!closed || (i < length && !Character.isWhitespace(line.charAt(i)))) {
					return Optional.empty();
				}
			}
			else {
				while (i < length && !Character.isWhitespace(line.charAt(i))) {
					value.append(line.charAt(i++));
				}
			}
			fields.put(("msg".equals(key)) ? Extracted.MESSAGE : key, value.toString());
			while (i < length && Character.isWhitespace(line.charAt(i))) {
				i++;
			}
		}
		return (fields.size() >= 2) ? Optional.of(new Extracted(NAME, fields)) : Optional.empty();
	}

}
