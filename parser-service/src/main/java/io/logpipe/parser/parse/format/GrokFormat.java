package io.logpipe.parser.parse.format;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A format defined in configuration by a grok expression. Its named captures become
 * fields under their names: capture {@code message}, {@code timestamp} and {@code level}
 * to fill those, or ECS names such as {@code http.request.method}.
 */
final class GrokFormat implements FormatParser {

	private final String name;

	private final GrokLibrary.Compiled pattern;

	GrokFormat(String name, GrokLibrary.Compiled pattern) {
		this.name = name;
		this.pattern = pattern;
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public Optional<Extracted> parse(String message) {
		return this.pattern.match(message).map((captures) -> {
			Map<String, Object> fields = new LinkedHashMap<>();
			captures.forEach((key, value) -> {
				if (value != null) {
					fields.put(key, value);
				}
			});
			return new Extracted(this.name, fields);
		});
	}

}
