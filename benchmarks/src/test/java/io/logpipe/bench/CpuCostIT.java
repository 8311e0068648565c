package io.logpipe.bench;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.logpipe.testsupport.TestServers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs {@link CpuCost} on the build's real Kafka and Elasticsearch and the service jars.
 * In the build it pushes a few thousand events, so the harness cannot rot; to measure,
 * run it alone with more: {@code -Dit.test=CpuCostIT -Dcpu.events=200000} (and
 * {@code -Dcpu.jfr=dir} for the services' JFR profiles of the measured window).
 */
class CpuCostIT {

	@Test
	void measuresTheCpuOfEveryServicePerMillionEvents() throws Exception {
		Path root = Path.of(System.getProperty("logpipe.project.root", ".."));
		String jfr = System.getProperty("cpu.jfr", "");
		Map<String, Double> cost = new CpuCost(TestServers.kafka().bootstrapServers(),
				TestServers.elasticsearch().uri(), root, Path.of("target", "cpu-cost"),
				Long.getLong("cpu.events", 2_000), jfr.isBlank() ? null : Path.of(jfr))
			.measure();

		System.out.println("cpu_s_per_million: " + cost);
		assertThat(cost).containsOnlyKeys("ingest-api", "parser-service", "indexer-service", "load-generator");
		cost.forEach((service, seconds) -> assertThat(seconds).as(service).isPositive());
	}

}
