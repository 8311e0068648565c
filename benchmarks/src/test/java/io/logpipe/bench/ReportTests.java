package io.logpipe.bench;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ReportTests {

	@Test
	void percentileIsTheNearestRankOfTheSortedLatencies() {
		List<Long> hundred = LongStream.rangeClosed(1, 100).boxed().toList();

		assertThat(Report.percentile(hundred, 0.50)).isEqualTo(50);
		assertThat(Report.percentile(hundred, 0.99)).isEqualTo(99);
		assertThat(Report.percentile(List.of(7L, 9000L), 0.99)).isEqualTo(9000);
		assertThat(Report.percentile(List.of(42L), 0.50)).isEqualTo(42);
	}

	@Test
	void aLatencyRoundedDownToNoMillisecondsCountsAsOne() {
		assertThat(Report.percentile(List.of(0L, 0L, 3L), 0.50)).isEqualTo(1);
	}

	/** The report of a full run (three trials) as the runner wrote it. */
	@Test
	void markdownOfAFullRunGivesEveryFigureItsSpread() throws Exception {
		String markdown = new Report(fullRun()).markdown();

		assertThat(markdown)
			.contains("| `indexer_vs_bulk` | indexer_dps = 23,301 (19,800–25,493) | "
					+ "es_bulk_baseline_dps = 30,353 (25,697–31,790) | 0.771 (0.768–0.802) | ≥ 0.9 **missed** |")
			.contains("| searchable latency at half the pipeline rate | p50 = 814 (803–832) ms, "
					+ "p99 = 2,467 (1,855–2,809) ms | | | p99 ≤ 1,500 ms **missed** |")
			.contains("| live tail, POST to event | p50 = 10 (9–15) ms, p99 = 71 (65–92) ms | | | p99 ≤ 1,000 ms met |")
			.contains("| indexer-service | 9,788 (9,505–10,069) | 10,325 (9,424–10,706) | 4,581 (4,496–5,208) | "
					+ "338 (335–351) **(goal ≤ 300)** | 13.167 (11.867–14.183) |")
			.contains("| `services_1000` | 1,000 | 200 | 1,711 (1,664–1,791) | 19.433 (16.200–22.167), ");
	}

	private static Map<String, Object> fullRun() throws Exception {
		try (InputStream json = ReportTests.class.getResourceAsStream("/full-run-report.json")) {
			return JsonMapper.builder().build().readValue(json, new TypeReference<Map<String, Object>>() {
			});
		}
	}

}
