package io.logpipe.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.logpipe.testsupport.TestServers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tiny run of the whole benchmark (a few hundred events per stage) on the build's real
 * Kafka and Elasticsearch and the service jars, so that the runner cannot rot: every
 * figure of the report must be measured. The figures themselves are not asserted.
 */
class BenchmarkSmokeIT {

	private static final List<String> FIGURES = List.of("producer_baseline_eps", "ingest_batched_eps",
			"ingest_vs_producer", "ingest_single_rps", "noop_rps", "single_vs_noop", "otlp_batched_eps",
			"otlp_vs_native", "loki_batched_eps", "loki_vs_native", "esbulk_batched_eps", "esbulk_vs_native",
			"consumer_baseline_eps", "parser_json_eps", "parser_pattern_eps", "parser_json_vs_consumer",
			"parser_pattern_vs_consumer", "es_bulk_baseline_dps", "indexer_dps", "indexer_vs_bulk", "pipeline_eps",
			"pipeline_vs_bulk", "searchable_p50_ms", "searchable_p99_ms", "search_p50_ms", "search_p99_ms",
			"tail_p50_ms", "tail_p99_ms");

	private static final List<String> PER_SERVICE = List.of("rss_mb", "cpu_s_per_million", "startup_ms",
			"startup_ms_cold");

	@Test
	@SuppressWarnings("unchecked")
	void measuresEveryFigureOfTheReport() throws Exception {
		Path output = Path.of("target", "bench-smoke");
		Path root = Path.of(System.getProperty("logpipe.project.root", ".."));

		Report report = new BenchmarkRunner(BenchMode.SMOKE, TestServers.kafka().bootstrapServers(),
				TestServers.elasticsearch().uri(), root, output)
			.run();

		Map<String, Object> values = report.values();
		for (String figure : FIGURES) {
			assertThat(values).as(figure).containsKey(figure);
			assertThat(((Number) values.get(figure)).doubleValue()).as(figure).isPositive();
		}
		for (String key : PER_SERVICE) {
			Map<String, Object> perService = (Map<String, Object>) values.get(key);
			assertThat(perService).as(key).containsOnlyKeys(Report.SERVICES);
			perService.forEach((service, value) -> assertThat(((Number) value).doubleValue()).as(key + " " + service)
				.isPositive());
		}
		Map<String, Object> perFormat = (Map<String, Object>) values.get("parser_format_eps");
		assertThat(perFormat).containsOnlyKeys("access", "logfmt", "rfc5424", "rfc3164", "plain");
		perFormat.forEach((format, value) -> assertThat(((Number) value).doubleValue()).as(format).isPositive());
		if (AotCache.supported()) {
			assertThat((Map<String, Object>) values.get("startup_ms_aot")).containsOnlyKeys(Report.SERVICES);
		}
		Map<String, Object> scaling = (Map<String, Object>) values.get("scaling");
		assertThat(scaling).containsOnlyKeys("services_1", "services_3", "services_10", "event_2kb");
		scaling.forEach((key, value) -> {
			Map<String, Object> figures = (Map<String, Object>) value;
			assertThat(figures).as(key).doesNotContainKey("error");
			assertThat(((Number) figures.get("pipeline_eps")).doubleValue()).as(key).isPositive();
			assertThat(((Number) figures.get("setup_s")).doubleValue()).as(key).isPositive();
			assertThat((Map<String, Object>) figures.get("cpu_s_per_million")).as(key)
				.containsOnlyKeys(Report.SERVICES);
		});
		assertThat((Map<String, Object>) values.get("load_generator_bound")).containsKeys("ingest_batched",
				"ingest_single", "pipeline");
		assertThat((Map<String, Object>) values.get("ingest_cpu_cores")).containsKeys("ingest_batched", "ingest_single",
				"pipeline");
		assertThat(values).containsKeys("machine", "versions", "load_generator_cpu_cores");
		// A late probe is a slow machine; a missing one is a document the tail lost.
		assertThat(values.get("tail_probes_missing")).as("tail probes that never arrived").isEqualTo(0);
		assertThat(output.resolve("bench-report.json")).isNotEmptyFile();
		assertThat(Files.readString(output.resolve("bench-report.md"))).contains("indexer_vs_bulk", "services_10");
	}

}
