package io.logpipe.parser.parse.format;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The facility and severity of a syslog priority value (RFC 5424 section 6.2.1). */
final class SyslogCodes {

	private static final List<String> SEVERITIES = List.of("emerg", "alert", "crit", "err", "warning", "notice", "info",
			"debug");

	private static final List<String> FACILITIES = List.of("kern", "user", "mail", "daemon", "auth", "syslog", "lpr",
			"news", "uucp", "cron", "authpriv", "ftp", "ntp", "security", "console", "solaris-cron", "local0", "local1",
			"local2", "local3", "local4", "local5", "local6", "local7");

	private SyslogCodes() {
	}

	/** The priority is valid when it is 0 to 191. */
	static boolean valid(int priority) {
		return priority >= 0 && priority <= 191;
	}

	static String severityName(int priority) {
		return SEVERITIES.get(priority % 8);
	}

	/**
	 * ECS {@code log.syslog.priority}, {@code .facility.*} and {@code .severity.*} of a
	 * priority.
	 */
	static Map<String, Object> ecs(int priority) {
		Map<String, Object> syslog = new LinkedHashMap<>();
		syslog.put("priority", priority);
		syslog.put("facility", Map.of("code", priority / 8, "name", FACILITIES.get(priority / 8)));
		syslog.put("severity", Map.of("code", priority % 8, "name", severityName(priority)));
		return syslog;
	}

}
