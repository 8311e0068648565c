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

}
