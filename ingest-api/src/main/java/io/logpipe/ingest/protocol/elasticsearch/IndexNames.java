package io.logpipe.ingest.protocol.elasticsearch;

import java.util.Locale;

/**
 * What an Elasticsearch index or data stream name says about its events. A data stream
 * name {@code logs-<dataset>-<namespace>} gives the service (the dataset, unless it is
 * the catch-all {@code generic}) and the environment (the namespace, unless it is
 * {@code default}); any other name gives its service after dropping the version or date
 * parts shippers append ({@code filebeat-8.19.0}, {@code logstash-2026.12.01-000001}). An
 * event's own {@code service.name} and {@code service.environment} win over these.
 *
 * @param service the service, or {@code null} when the name gives none
 * @param environment the environment, or {@code null}
 */
record IndexNames(String service, String environment) {

	private static final String GENERIC_DATASET = "generic";

	private static final String DEFAULT_NAMESPACE = "default";

	static IndexNames of(String index) {
		if (index == null || index.isBlank()) {
			return new IndexNames(null, null);
		}
		String[] parts = index.split("-");
		if (parts.length == 3 && parts[0].equals("logs")) {
			return new IndexNames(parts[1].equals(GENERIC_DATASET) ? null : parts[1],
					parts[2].equals(DEFAULT_NAMESPACE) ? null : parts[2]);
		}
		StringBuilder service = new StringBuilder(parts[0]);
		for (int i = 1; i < parts.length && !startsWithDigit(parts[i]); i++) {
			service.append('-').append(parts[i]);
		}
		return new IndexNames(service.toString().toLowerCase(Locale.ROOT), null);
	}

	private static boolean startsWithDigit(String part) {
		return !part.isEmpty() && Character.isDigit(part.charAt(0));
	}

}
