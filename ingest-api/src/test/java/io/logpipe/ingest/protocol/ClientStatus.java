package io.logpipe.ingest.protocol;

import java.util.List;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.status.Status;

/**
 * What a logback appender (loki4j, logback-gelf) told its own logback about its sends:
 * the client's view of success and failure.
 */
public final class ClientStatus {

	private ClientStatus() {
	}

	/** The warnings and errors the appenders of the context reported. */
	public static List<String> problems(LoggerContext context) {
		return context.getStatusManager()
			.getCopyOfStatusList()
			.stream()
			.filter((status) -> status.getLevel() >= Status.WARN)
			.map((status) -> status.getMessage()
					+ ((status.getThrowable() != null) ? " (" + status.getThrowable() + ")" : ""))
			.toList();
	}

}
