package io.logpipe.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * The figures of one run, written as {@code bench-report.json} (flat keys as the issue
 * names them, per-service maps for resources) and {@code bench-report.md} (the same with
 * each figure beside its baseline and goal).
 */
final class Report {

	/** A ratio, the figure it divides, its baseline and the goal it aims at. */
	record Ratio(String key, String figure, String baseline, double goal) {
	}

	static final List<Ratio> RATIOS = List.of(
			new Ratio("ingest_vs_producer", "ingest_batched_eps", "producer_baseline_eps", 0.6),
			new Ratio("single_vs_noop", "ingest_single_rps", "noop_rps", 0.5),
			new Ratio("esbulk_vs_native", "esbulk_batched_eps", "ingest_batched_eps", 0.9),
			new Ratio("otlp_vs_native", "otlp_batched_eps", "ingest_batched_eps", 0.9),
			new Ratio("loki_vs_native", "loki_batched_eps", "ingest_batched_eps", 0.9),
			new Ratio("parser_json_vs_consumer", "parser_json_eps", "consumer_baseline_eps", 0.4),
			new Ratio("parser_pattern_vs_consumer", "parser_pattern_eps", "consumer_baseline_eps", 0),
			new Ratio("indexer_vs_bulk", "indexer_dps", "es_bulk_baseline_dps", 0.9),
			new Ratio("pipeline_vs_bulk", "pipeline_eps", "es_bulk_baseline_dps", 0.7));

	static final List<String> SERVICES = List.of("ingest-api", "parser-service", "indexer-service");

	private final Map<String, Object> values = new LinkedHashMap<>();

	Report() {
	}

	/** A report of figures already measured (the median of several trials). */
	Report(Map<String, Object> values) {
		this.values.putAll(values);
	}

	void put(String key, Object value) {
		this.values.put(key, value);
	}

	@SuppressWarnings("unchecked")
	void putPerService(String key, String service, double value) {
		((Map<String, Object>) this.values.computeIfAbsent(key, (ignored) -> new LinkedHashMap<>())).put(service,
				round(value));
	}

	double number(String key) {
		return ((Number) this.values.get(key)).doubleValue();
	}

	Map<String, Object> values() {
		return this.values;
	}

	/** Adds every ratio of {@link #RATIOS} from the figures already put. */
	void computeRatios() {
		for (Ratio ratio : RATIOS) {
			this.values.put(ratio.key(), round(number(ratio.figure()) / number(ratio.baseline())));
		}
	}

	void write(Path directory) throws IOException {
		Files.createDirectories(directory);
		JsonMapper json = JsonMapper.builder().build();
		Files.writeString(directory.resolve("bench-report.json"),
				json.writerWithDefaultPrettyPrinter().writeValueAsString(this.values) + "\n");
		Files.writeString(directory.resolve("bench-report.md"), markdown());
	}

	@SuppressWarnings("unchecked")
	String markdown() {
		StringBuilder md = new StringBuilder();
		md.append("| stage | figure | baseline (same run) | ratio | goal |\n|---|---:|---:|---:|---|\n");
		for (Ratio ratio : RATIOS) {
			double value = number(ratio.key());
			String goal = (ratio.goal() > 0) ? "≥ " + ratio.goal() + ((value >= ratio.goal()) ? " met" : " **missed**")
					: "(none)";
			md.append("| `")
				.append(ratio.key())
				.append("` | ")
				.append(ratio.figure())
				.append(" = ")
				.append(format(number(ratio.figure())))
				.append(range(ratio.figure()))
				.append(" | ")
				.append(ratio.baseline())
				.append(" = ")
				.append(format(number(ratio.baseline())))
				.append(range(ratio.baseline()))
				.append(" | ")
				.append(format(value))
				.append(range(ratio.key()))
				.append(" | ")
				.append(goal)
				.append(" |\n");
		}
		// issue #13 tightened the benchmark issue's 2,000 ms
		latencyRow(md, "searchable latency at half the pipeline rate", "searchable", 1500);
		latencyRow(md, "search, 15 minutes, one word, newest 100", "search", 300);
		latencyRow(md, "live tail, POST to event", "tail", 1000);
		md.append('\n');
		md.append("| service | startup_ms | startup_ms_cold | startup_ms_aot | rss_mb (peak) | cpu_s_per_million |\n"
				+ "|---|---:|---:|---:|---:|---:|\n");
		for (String service : SERVICES) {
			double rss = ((Number) ((Map<String, Object>) this.values.get("rss_mb")).get(service)).doubleValue();
			md.append("| ")
				.append(service)
				.append(" | ")
				.append(optionalPerService("startup_ms", service))
				.append(" | ")
				.append(optionalPerService("startup_ms_cold", service))
				.append(" | ")
				.append(optionalPerService("startup_ms_aot", service))
				.append(" | ")
				.append(optionalPerService("rss_mb", service))
				.append((rss <= 300) ? "" : " **(goal ≤ 300)**")
				.append(" | ")
				.append(optionalPerService("cpu_s_per_million", service))
				.append(" |\n");
		}
		scaling(md);
		md.append("\nParser per line format (events/s, format detected): ")
			.append(this.values.get("parser_format_eps"))
			.append("  \nMachine: ")
			.append(this.values.get("machine"))
			.append("  \nVersions: ")
			.append(this.values.get("versions"))
			.append("  \nLoad generator CPU (cores busy per HTTP stage): ")
			.append(this.values.get("load_generator_cpu_cores"))
			.append("  \nIngest-api CPU (cores busy per HTTP stage): ")
			.append(this.values.get("ingest_cpu_cores"))
			.append("  \nLoad generator bound (it used at least the CPU ingest-api did): ")
			.append(this.values.get("load_generator_bound"))
			.append("  \nRun: ")
			.append(this.values.get("run"))
			.append('\n');
		return md.toString();
	}

	/**
	 * The scaling stage: rate and CPU per million events as services (data streams) and
	 * event size grow.
	 */
	@SuppressWarnings("unchecked")
	private void scaling(StringBuilder md) {
		Map<String, Object> scaling = (Map<String, Object>) this.values.get("scaling");
		if (scaling == null) {
			return;
		}
		md.append("\n| scaling case | data streams | event bytes | pipeline_eps | cpu_s_per_million (")
			.append(String.join(", ", SERVICES))
			.append(") |\n|---|---:|---:|---:|---|\n");
		scaling.forEach((key, value) -> {
			Map<String, Object> figures = (Map<String, Object>) value;
			md.append("| `").append(key).append("` | ").append(whole(figures.get("data_streams"))).append(" | ");
			md.append(whole(figures.get("event_bytes"))).append(" | ");
			if (figures.containsKey("pipeline_eps")) {
				Map<String, Object> cpu = (Map<String, Object>) figures.get("cpu_s_per_million");
				md.append(format(((Number) figures.get("pipeline_eps")).doubleValue()))
					.append(range("scaling." + key + ".pipeline_eps"))
					.append(" | ")
					.append(String.join(", ",
							SERVICES.stream()
								.map((service) -> format(((Number) cpu.get(service)).doubleValue())
										+ range("scaling." + key + ".cpu_s_per_million." + service))
								.toList()))
					.append(" |\n");
			}
			else {
				md.append("failed: ").append(figures.get("error")).append(" | |\n");
			}
		});
	}

	/** " (min–max)" of a figure when several trials measured it, else nothing. */
	@SuppressWarnings("unchecked")
	private String range(String path) {
		Map<String, Object> spread = (Map<String, Object>) this.values.get(Trials.SPREAD);
		if (spread == null || !(spread.get(path) instanceof Map<?, ?> range)) {
			return "";
		}
		return " (" + format(((Number) range.get("min")).doubleValue()) + "–"
				+ format(((Number) range.get("max")).doubleValue()) + ")";
	}

	/** A service's figure with its spread, or "–" when it was not measured. */
	@SuppressWarnings("unchecked")
	private String optionalPerService(String key, String service) {
		Map<String, Object> perService = (Map<String, Object>) this.values.get(key);
		return (perService == null || perService.get(service) == null) ? "–"
				: format(((Number) perService.get(service)).doubleValue()) + range(key + "." + service);
	}

	/** A count from the report (a median of counts is read back as a double). */
	private static String whole(Object number) {
		return (number instanceof Number value) ? format(value.doubleValue()) : String.valueOf(number);
	}

	static double round(double value) {
		return (value >= 100) ? Math.round(value) : Math.round(value * 1000) / 1000.0;
	}

	/**
	 * The {@code quantile} of ascending {@code sorted} millisecond latencies, at least 1:
	 * they are whole milliseconds rounded down, and nothing arrives in no time.
	 */
	static long percentile(List<Long> sorted, double quantile) {
		int index = (int) Math.ceil(quantile * sorted.size()) - 1;
		return Math.max(1, sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))));
	}

	/**
	 * A row of {@code <figure>_p50_ms} and {@code <figure>_p99_ms} against a p99 goal.
	 */
	private void latencyRow(StringBuilder md, String label, String figure, double goalP99Ms) {
		double p99 = number(figure + "_p99_ms");
		md.append("| ")
			.append(label)
			.append(" | p50 = ")
			.append(format(number(figure + "_p50_ms")))
			.append(range(figure + "_p50_ms"))
			.append(" ms, p99 = ")
			.append(format(p99))
			.append(range(figure + "_p99_ms"))
			.append(" ms | | | p99 ≤ ")
			.append(format(goalP99Ms))
			.append(" ms")
			.append((p99 <= goalP99Ms) ? " met" : " **missed**")
			.append(" |\n");
	}

	/**
	 * Whole numbers and figures from 100 up without decimals, smaller ones with three.
	 */
	private static String format(double value) {
		return (value >= 100 || value == Math.rint(value)) ? String.format(Locale.ROOT, "%,.0f", value)
				: String.format(Locale.ROOT, "%.3f", value);
	}

}
