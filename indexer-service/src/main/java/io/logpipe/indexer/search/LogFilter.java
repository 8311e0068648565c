package io.logpipe.indexer.search;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import tools.jackson.databind.JsonNode;

/**
 * The explicit filters of a search or a tail, each an exact value of an ECS keyword field
 * (several values comma-separated: any of them matches). Empty lists do not filter.
 *
 * @param services {@code service.name}
 * @param levels {@code log.level}, upper case as documents carry it
 * @param hosts {@code host.name}
 * @param traceIds {@code trace.id}
 */
public record LogFilter(List<String> services, List<String> levels, List<String> hosts, List<String> traceIds) {

	public static final String SERVICE_FIELD = "service.name";

	public static final String LEVEL_FIELD = "log.level";

	public static final String HOST_FIELD = "host.name";

	public static final String TRACE_FIELD = "trace.id";

	/**
	 * From the request parameters {@code service}, {@code level}, {@code host},
	 * {@code trace_id}.
	 */
	public static LogFilter of(String service, String level, String host, String traceId) {
		return new LogFilter(values(service), values(level).stream().map((l) -> l.toUpperCase(Locale.ROOT)).toList(),
				values(host), values(traceId));
	}

	private static List<String> values(String parameter) {
		if (parameter == null) {
			return List.of();
		}
		return Arrays.stream(parameter.split(",")).map(String::strip).filter((v) -> !v.isEmpty()).toList();
	}

	/** Whether a document (as indexed) passes every filter. */
	public boolean matches(JsonNode document) {
		return passes(this.services, document.at("/service/name")) && passes(this.levels, document.at("/log/level"))
				&& passes(this.hosts, document.at("/host/name")) && passes(this.traceIds, document.at("/trace/id"));
	}

	private static boolean passes(List<String> allowed, JsonNode value) {
		return allowed.isEmpty() || (value.isString() && allowed.contains(value.asString()));
	}

}
