package io.logpipe.indexer.index;

import java.util.Locale;
import java.util.regex.Pattern;

import io.logpipe.common.id.Sha256;

/**
 * The data stream of a document: {@code logs-<service>-<tenant>}, following Elastic's
 * {@code <type>-<dataset>-<namespace>} scheme. Elasticsearch allows only lower-case names
 * and reserves {@code -} as the separator, so a name that is not already clean is
 * lower-cased, its other characters replaced by {@code _}, and a short hash of the
 * original appended: "Check-Out" and "check_out" then land in different streams instead
 * of silently sharing one.
 */
public final class DataStreamNames {

	/**
	 * The dataset of {@link #overflow}. It contains a {@code .}, which no {@link #part}
	 * does, so no service's stream can take the overflow stream's name.
	 */
	public static final String OVERFLOW_DATASET = "logpipe.overflow";

	/** The dataset of {@link #logMetrics}. */
	public static final String LOG_METRICS_DATASET = "logpipe.log_counts";

	private static final Pattern CLEAN = Pattern.compile("[a-z0-9][a-z0-9_]{0,59}");

	private static final Pattern UNSAFE = Pattern.compile("[^a-z0-9_]");

	private DataStreamNames() {
	}

	public static String of(String service, String tenant) {
		return "logs-" + part(service) + "-" + part(tenant);
	}

	/**
	 * The index pattern of every {@code logs-*} data stream of one tenant, for its
	 * retention template. Service parts never contain {@code -}, so the pattern cannot
	 * match another tenant's streams.
	 */
	public static String tenantLogsPattern(String tenant) {
		return "logs-*-" + part(tenant);
	}

	/**
	 * The one data stream of a tenant's documents whose service is over
	 * {@code indexer.tenants.max-services-per-tenant}:
	 * {@code logs-logpipe.overflow-<tenant>}. It matches {@link #tenantLogsPattern}, so
	 * the tenant's search and retention template cover it.
	 */
	public static String overflow(String tenant) {
		return "logs-" + OVERFLOW_DATASET + "-" + part(tenant);
	}

	/**
	 * The data stream of a tenant's per-minute log counts (the {@code log-metrics}
	 * topic): {@code metrics-logpipe.log_counts-<tenant>}.
	 */
	public static String logMetrics(String tenant) {
		return "metrics-" + LOG_METRICS_DATASET + "-" + part(tenant);
	}

	/** A tenant or service name as it appears in a data stream name. */
	public static String part(String name) {
		if (name == null || name.isEmpty()) {
			return "unknown";
		}
		if (CLEAN.matcher(name).matches()) {
			return name;
		}
		String safe = UNSAFE.matcher(name.toLowerCase(Locale.ROOT)).replaceAll("_");
		if (safe.length() > 50) {
			safe = safe.substring(0, 50);
		}
		if (safe.startsWith("_")) {
			safe = "x" + safe;
		}
		return safe + "_" + Sha256.hex(name, 4);
	}

}
