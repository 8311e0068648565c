package io.logpipe.bench;

import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

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

}
