package io.logpipe.parser.parse.format;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * BSD syslog as RFC 3164 and most syslog files write it:
 * {@code [<PRI>]Mmm dd hh:mm:ss HOST TAG[PID]: MSG}. The timestamp has neither year nor
 * zone; the timestamp resolver infers both and says so. rsyslog's high-precision variant
 * with an RFC 3339 timestamp in the same place is read too.
 */
final class Syslog3164Format implements FormatParser {

	static final String NAME = "rfc3164";

	private static final Pattern LINE = Pattern.compile(
			"^(?:<(\\d{1,3})>)?([A-Z][a-z]{2} [ \\d]\\d \\d{2}:\\d{2}:\\d{2}|\\d{4}-\\d{2}-\\d{2}T\\S+) (\\S+) ([^\\s:\\[]+)(?:\\[(\\d+)\\])?: ?(.*)$",
			Pattern.DOTALL);

	private final BudgetedPattern line;

	Syslog3164Format(Duration budget) {
		this.line = new BudgetedPattern(LINE, budget);
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public Optional<Extracted> parse(String message) {
		Matcher matcher = this.line.matcher(message);
		if (!matcher.matches()) {
			return Optional.empty();
		}
		Map<String, Object> syslog = new LinkedHashMap<>();
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put(Extracted.TIMESTAMP, matcher.group(2));
		if (matcher.group(1) != null) {
			int priority = Integer.parseInt(matcher.group(1));
			if (!SyslogCodes.valid(priority)) {
				return Optional.empty();
			}
			syslog.putAll(SyslogCodes.ecs(priority));
			fields.put(Extracted.LEVEL, SyslogCodes.severityName(priority));
		}
		fields.put("host.name", matcher.group(3));
		fields.put("process.name", matcher.group(4));
		if (matcher.group(5) != null) {
			fields.put("process.pid", matcher.group(5));
		}
		if (!syslog.isEmpty()) {
			fields.put("log.syslog", syslog);
		}
		fields.put(Extracted.MESSAGE, matcher.group(6));
		return Optional.of(new Extracted(NAME, fields));
	}

}
