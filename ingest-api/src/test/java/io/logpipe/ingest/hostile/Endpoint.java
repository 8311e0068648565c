package io.logpipe.ingest.hostile;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Every ingest endpoint as a client of its protocol calls it: the path, the key in the
 * scheme its clients send, the content type, and how its bodies are built from an event's
 * message and extra JSON fields (see {@link Bodies}).
 */
public enum Endpoint {

	NATIVE("/api/v1/logs", "Bearer", "application/json"),

	ES_BULK("/_bulk", "ApiKey", "application/x-ndjson"),

	ES_DOC("/logs-hostile-default/_doc", "ApiKey", "application/json"),

	HEC_EVENT("/services/collector/event", "Splunk", "application/json"),

	HEC_RAW("/services/collector/raw?channel=" + UUID.nameUUIDFromBytes(new byte[] { 1 }), "Splunk", "text/plain"),

	OTLP_PROTOBUF("/v1/logs", "Bearer", "application/x-protobuf"),

	OTLP_JSON("/v1/logs", "Bearer", "application/json"),

	LOKI_PROTOBUF("/loki/api/v1/push", "Bearer", "application/x-protobuf"),

	LOKI_JSON("/loki/api/v1/push", "Bearer", "application/json"),

	GELF("/gelf", "Bearer", "application/json");

	private final String path;

	private final String scheme;

	private final String contentType;

	Endpoint(String path, String scheme, String contentType) {
		this.path = path;
		this.scheme = scheme;
		this.contentType = contentType;
	}

	public String path() {
		return this.path;
	}

	public String contentType() {
		return this.contentType;
	}

	/** The {@code Authorization} header with this key. */
	public String authorization(String key) {
		return this.scheme + " " + key;
	}

	/** Whether the body is JSON text (so JSON-level hostility reaches its parser). */
	public boolean json() {
		return this != HEC_RAW && this != OTLP_PROTOBUF && this != LOKI_PROTOBUF;
	}

	/** The status of a request without a valid key: HEC answers an unknown token 403. */
	public int unknownKeyStatus() {
		return (this == HEC_EVENT || this == HEC_RAW) ? 403 : 401;
	}

	/** The text as UTF-8. */
	public static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
