package io.logpipe.bench;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TrialsTests {

	@Test
	void keepsTheMedianOfEachFigureAndItsSpread() {
		Map<String, Object> merged = Trials.merge(List.of(Map.of("ingest_batched_eps", 40_000.0),
				Map.of("ingest_batched_eps", 90_000.0), Map.of("ingest_batched_eps", 50_000.0)));

		assertThat(merged).containsEntry("ingest_batched_eps", 50_000.0);
		assertThat(spread(merged, "ingest_batched_eps")).containsEntry("min", 40_000.0)
			.containsEntry("max", 90_000.0)
			.containsEntry("relative", 1.0)
			.containsEntry("trials", 3);
	}

	@Test
	void mergesPerServiceAndNestedMapsEntryByEntry() {
		Map<String, Object> merged = Trials.merge(List.of(
				Map.of("cpu_s_per_million", Map.of("ingest-api", 10, "parser-service", 30), "scaling",
						Map.of("services_100", Map.of("pipeline_eps", 1_000))),
				Map.of("cpu_s_per_million", Map.of("ingest-api", 14, "parser-service", 20), "scaling",
						Map.of("services_100", Map.of("pipeline_eps", 3_000)))));

		assertThat(merged.get("cpu_s_per_million")).isEqualTo(Map.of("ingest-api", 12.0, "parser-service", 25.0));
		assertThat(merged.get("scaling")).isEqualTo(Map.of("services_100", Map.of("pipeline_eps", 2_000.0)));
		assertThat(spread(merged, "cpu_s_per_million.parser-service")).containsEntry("min", 20.0)
			.containsEntry("max", 30.0);
		assertThat(spread(merged, "scaling.services_100.pipeline_eps")).containsEntry("relative", 1.0);
	}

	@Test
	void aFigureOnlySomeTrialsHadIsTheMedianOfThoseTrials() {
		Map<String, Object> merged = Trials
			.merge(List.of(Map.of("noop_failed_requests", 4), Map.of(), Map.of("noop_failed_requests", 8)));

		assertThat(merged).containsEntry("noop_failed_requests", 6.0);
		assertThat(spread(merged, "noop_failed_requests")).containsEntry("trials", 2);
	}

	@Test
	void oneTrialIsReportedAsItIsWithoutASpread() {
		Map<String, Object> merged = Trials.merge(List.of(Map.of("pipeline_eps", 13_424.0, "run", Map.of("id", "a"))));

		assertThat(merged).containsOnlyKeys("pipeline_eps", "run").containsEntry("pipeline_eps", 13_424.0);
	}

	@Test
	void textKeepsTheLastTrials() {
		Map<String, Object> merged = Trials
			.merge(List.of(Map.of("versions", Map.of("java", "25.0.2")), Map.of("versions", Map.of("java", "25.0.3"))));

		assertThat(merged.get("versions")).isEqualTo(Map.of("java", "25.0.3"));
	}

	@Test
	void refusesToMergeNothing() {
		assertThatIllegalArgumentException().isThrownBy(() -> Trials.merge(List.of()));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> spread(Map<String, Object> merged, String path) {
		return (Map<String, Object>) ((Map<String, Object>) merged.get(Trials.SPREAD)).get(path);
	}

}
