package io.logpipe.ingest.protocol;

import io.logpipe.common.event.RawLogRecord;

/**
 * The protocols ingest speaks: its native API and the shippers'. The wire name is the
 * {@code protocol} of every {@link io.logpipe.common.event.RawLogRecord} that arrived
 * this way (and so {@code logpipe.protocol} on the document) and the {@code protocol} tag
 * of ingest's meters.
 */
public enum Protocol {

	/** logpipe's own {@code /api/v1/logs}. */
	NATIVE(RawLogRecord.PROTOCOL_NATIVE),

	/** Elasticsearch {@code _bulk} and {@code _doc}. */
	ELASTICSEARCH("es-bulk"),

	/** Splunk HTTP Event Collector. */
	SPLUNK_HEC("splunk-hec"),

	/** OpenTelemetry OTLP/HTTP logs. */
	OTLP("otlp"),

	/** Grafana Loki push. */
	LOKI("loki"),

	/** Graylog GELF over HTTP. */
	GELF("gelf");

	private final String wireName;

	Protocol(String wireName) {
		this.wireName = wireName;
	}

	public String wireName() {
		return this.wireName;
	}

}
