package io.logpipe.ingest.protocol;

import java.util.List;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.status.Status;
import org.slf4j.MDC;

/**
 * What a logback appender (loki4j, logback-gelf) told its own logback about its sends:
 * the client's view of success and failure.
 */
public final class ClientStatus {

	private ClientStatus() {
	}

	/**
	 * A logging context of its own for an appender under test, on the application's MDC
	 * (logback 1.5 leaves a new context without one), so that {@code MDC.put} in a test
	 * reaches the appender's events.
	 */
	public static LoggerContext newContext() {
		LoggerContext context = new LoggerContext();
		context.setMDCAdapter(MDC.getMDCAdapter());
		return context;
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
