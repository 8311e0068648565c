package io.logpipe.parser.parse.format;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Syslog as RFC 5424 writes it:
 * {@code <PRI>1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID [SD-ID param="v"] MSG}. The
 * header is matched with a budgeted pattern, the structured data is scanned by hand
 * because its quoted values may contain {@code ]}.
 */
final class Syslog5424Format implements FormatParser {

	static final String NAME = "rfc5424";

	private static final Pattern HEADER = Pattern
		.compile("^<(\\d{1,3})>(\\d{1,2}) (\\S+) (\\S+) (\\S+) (\\S+) (\\S+) ");

	private static final Pattern PARAM = Pattern.compile("([^\\s=\\]\"]+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

	private final BudgetedPattern header;

	Syslog5424Format(Duration budget) {
		this.header = new BudgetedPattern(HEADER, budget);
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public Optional<Extracted> parse(String message) {
		Matcher matcher = this.header.matcher(message);
		if (!matcher.find()) {
			return Optional.empty();
		}
		int priority = Integer.parseInt(matcher.group(1));
		if (!SyslogCodes.valid(priority)) {
			return Optional.empty();
		}
		String rest = message.substring(matcher.end());
		Map<String, Object> structuredData = new LinkedHashMap<>();
		int end = structuredData(rest, structuredData);
		if (end < 0) {
			return Optional.empty();
		}
		String text = rest.substring(end).stripLeading();
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		Map<String, Object> syslog = SyslogCodes.ecs(priority);
		syslog.put("version", Integer.parseInt(matcher.group(2)));
		putUnlessNil(syslog, "hostname", matcher.group(4));
		putUnlessNil(syslog, "appname", matcher.group(5));
		putUnlessNil(syslog, "procid", matcher.group(6));
		putUnlessNil(syslog, "msgid", matcher.group(7));
		if (!structuredData.isEmpty()) {
			syslog.put("structured_data", structuredData);
		}
		Map<String, Object> fields = new LinkedHashMap<>();
		putUnlessNil(fields, Extracted.TIMESTAMP, matcher.group(3));
		fields.put(Extracted.LEVEL, SyslogCodes.severityName(priority));
		putUnlessNil(fields, "host.name", matcher.group(4));
		putUnlessNil(fields, "process.name", matcher.group(5));
		putUnlessNil(fields, "process.pid", matcher.group(6));
		fields.put("log.syslog", syslog);
		fields.put(Extracted.MESSAGE, text);
		return Optional.of(new Extracted(NAME, fields));
	}

	/**
	 * Reads {@code -} or a sequence of {@code [id param="value" ...]} elements into
	 * {@code into}; answers the index after them, or -1 when the data is malformed.
	 */
	private static int structuredData(String rest, Map<String, Object> into) {
		if (rest.startsWith("-")) {
			return 1;
		}
		int i = 0;
		while (i < rest.length() && rest.charAt(i) == '[') {
			int close = closingBracket(rest, i + 1);
			if (close < 0) {
				return -1;
			}
			String element = rest.substring(i + 1, close);
			int space = element.indexOf(' ');
			String id = (space < 0) ? element : element.substring(0, space);
			Map<String, Object> params = new LinkedHashMap<>();
			if (space >= 0) {
				Matcher param = PARAM.matcher(element.substring(space + 1));
				while (param.find()) {
					params.put(param.group(1), param.group(2).replaceAll("\\\\([\"\\\\\\]])", "$1"));
				}
			}
			into.put(id, params);
			i = close + 1;
		}
		return (i == 0) ? -1 : i;
	}

	private static int closingBracket(String text, int from) {
		boolean quoted = false;
		for (int i = from; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\\') {
				i++;
			}
			else if (c == '"') {
				quoted = !quoted;
			}
			else if (c == ']' && !quoted) {
				return i;
			}
		}
		return -1;
	}

	private static void putUnlessNil(Map<String, Object> map, String key, String value) {
		if (!"-".equals(value)) {
			map.put(key, value);
		}
	}

}
