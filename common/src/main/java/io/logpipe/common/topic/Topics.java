package io.logpipe.common.topic;

/** Default topic names; every service reads its actual names from configuration. */
public final class Topics {

	public static final String APP_LOGS = "app-logs";

	public static final String SYSTEM_LOGS = "system-logs";

	public static final String SECURITY_LOGS = "security-logs";

	public static final String PARSED_LOGS = "parsed-logs";

	public static final String LOGS_DLQ = "logs-dlq";

	public static final String LOG_METRICS = "log-metrics";

	public static final String INDEX_DLQ = "index-dlq";

	/** The dead letters indexer-service replayed, one record each (docs/adr/0020). */
	public static final String DLQ_REPLAYED = "dlq-replayed";

	private Topics() {
	}

}
