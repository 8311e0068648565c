package io.logpipe.indexer.index;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DataStreamNamesTests {

	@Test
	void keepsCleanNamesAsTheyAre() {
		assertThat(DataStreamNames.of("checkout", "acme")).isEqualTo("logs-checkout-acme");
	}

	@Test
	void sanitizesNamesElasticsearchWouldRefuseAndKeepsThemApart() {
		String dashed = DataStreamNames.of("Check-Out", "acme");
		String underscored = DataStreamNames.of("check_out", "acme");

		assertThat(dashed).matches("logs-check_out_[0-9a-f]{8}-acme");
		assertThat(underscored).isEqualTo("logs-check_out-acme");
		assertThat(DataStreamNames.of("_hidden", "Team A")).matches("logs-x_hidden_[0-9a-f]{8}-team_a_[0-9a-f]{8}");
		assertThat(DataStreamNames.of(null, "")).isEqualTo("logs-unknown-unknown");
	}

	@Test
	void boundsTheLengthOfLongNames() {
		assertThat(DataStreamNames.of("s".repeat(300), "t".repeat(300)).length()).isLessThan(255);
	}

	@Test
	void theOverflowStreamIsOneNoServiceNameCanProduceAndTheTenantsPatternFindsIt() {
		String overflow = DataStreamNames.overflow("acme");

		assertThat(overflow).isEqualTo("logs-logpipe.overflow-acme");
		assertThat(DataStreamNames.of("logpipe.overflow", "acme")).isNotEqualTo(overflow).doesNotContain(".");
		assertThat(DataStreamNames.of("LOGPIPE.OVERFLOW", "acme")).isNotEqualTo(overflow).doesNotContain(".");
		assertThat(overflow).matches(DataStreamNames.tenantLogsPattern("acme").replace("*", "[^-]*"));
		assertThat(overflow).doesNotMatch(DataStreamNames.tenantLogsPattern("cme").replace("*", "[^-]*"));
		assertThat(DataStreamNames.overflow("Team A")).matches("logs-logpipe\\.overflow-team_a_[0-9a-f]{8}");
	}

}
