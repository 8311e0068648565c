package io.logpipe.parser.parse.format;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A message that is one JSON object (the output of logback's, pino's, bunyan's, zap's or
 * structlog's JSON encoders): its members become fields, {@code message} or {@code msg}
 * becomes the message.
 */
final class JsonFormat implements FormatParser {

	static final String NAME = "json";

	private final JsonMapper mapper;

	JsonFormat(JsonMapper mapper) {
		this.mapper = mapper;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public Optional<Extracted> parse(String message) {
		String text = message.strip();
		if (!text.startsWith("{") || !text.endsWith("}")) {
			return Optional.empty();
		}
		Map<String, Object> object;
		try {
			@SuppressWarnings("unchecked")
			Map<String, Object> read = this.mapper.readValue(text, Map.class);
			object = read;
		}
		catch (JacksonException ex) {
			return Optional.empty();
		}
		Map<String, Object> fields = new LinkedHashMap<>(object);
		for (String name : new String[] { "message", "msg" }) {
			if (fields.get(name) instanceof String text2) {
				fields.remove(name);
				fields.put(Extracted.MESSAGE, text2);
				break;
			}
		}
		return Optional.of(new Extracted(NAME, fields));
	}

}
