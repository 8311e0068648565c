package io.logpipe.parser.parse.format;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The access logs of Apache httpd and nginx, in the combined format (with referrer and
 * user agent) or the common one, with the built-in grok patterns. nginx's default
 * {@code combined} is the same line as Apache's; trailing extra fields (for example
 * {@code "$http_x_forwarded_for"}) are ignored. The level follows the status: 5xx is
 * ERROR, 4xx WARN, anything else INFO.
 */
final class AccessLogFormat implements FormatParser {

	static final String NAME = "access";

	private final List<GrokLibrary.Compiled> patterns;

	AccessLogFormat(GrokLibrary grok) {
		this.patterns = List.of(grok.compile("^%{COMBINEDAPACHELOG}"), grok.compile("^%{COMMONAPACHELOG}$"));
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public Optional<Extracted> parse(String message) {
		for (GrokLibrary.Compiled pattern : this.patterns) {
			Optional<Map<String, Object>> captures = pattern.match(message);
			if (captures.isPresent()) {
				try {
					return Optional.of(new Extracted(NAME, fields(captures.get())));
				}
				catch (NumberFormatException ex) {
					// A status or size past int/long (the fuzz test found a 150-digit
					// status): not an access log line.
					return Optional.empty();
				}
			}
		}
		return Optional.empty();
	}

	private static Map<String, Object> fields(Map<String, Object> captures) {
		Map<String, Object> fields = new LinkedHashMap<>();
		String client = text(captures, "clientip");
		if (client != null) {
			fields.put(isIpLiteral(client) ? "source.ip" : "source.domain", client);
		}
		putIfPresent(fields, "user.name", text(captures, "auth"));
		putIfPresent(fields, Extracted.TIMESTAMP, text(captures, "timestamp"));
		putIfPresent(fields, "http.request.method", text(captures, "verb"));
		String request = text(captures, "request");
		putIfPresent(fields, "url.original", (request != null) ? request : text(captures, "rawrequest"));
		putIfPresent(fields, "http.version", text(captures, "httpversion"));
		String status = text(captures, "response");
		if (status != null) {
			int code = Integer.parseInt(status);
			fields.put("http.response.status_code", code);
			fields.put(Extracted.LEVEL, (code >= 500) ? "ERROR" : (code >= 400) ? "WARN" : "INFO");
		}
		String bytes = text(captures, "bytes");
		if (bytes != null) {
			fields.put("http.response.body.bytes", Long.parseLong(bytes));
		}
		putIfPresent(fields, "http.request.referrer", unquote(text(captures, "referrer")));
		putIfPresent(fields, "user_agent.original", unquote(text(captures, "agent")));
		return fields;
	}

	private static String text(Map<String, Object> captures, String name) {
		Object value = captures.get(name);
		if (value == null) {
			return null;
		}
		String text = value.toString();
		return (text.isEmpty() || "-".equals(text)) ? null : text;
	}

	private static String unquote(String value) {
		if (value == null) {
			return null;
		}
		String text = (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\""))
				? value.substring(1, value.length() - 1) : value;
		return (text.isEmpty() || "-".equals(text)) ? null : text;
	}

	private static void putIfPresent(Map<String, Object> fields, String key, Object value) {
		if (value != null) {
			fields.put(key, value);
		}
	}

	/** An IPv4 or IPv6 literal, checked without any name lookup. */
	static boolean isIpLiteral(String text) {
		if (text.indexOf(':') >= 0) {
			return text.chars().allMatch((c) -> Character.digit(c, 16) >= 0 || c == ':' || c == '.');
		}
		String[] parts = text.split("\\.", -1);
		if (parts.length != 4) {
			return false;
		}
		for (String part : parts) {
			if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)
					|| Integer.parseInt(part) > 255) {
				return false;
			}
		}
		return true;
	}

}
