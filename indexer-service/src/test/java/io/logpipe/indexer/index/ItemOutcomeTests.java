package io.logpipe.indexer.index;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ItemOutcomeTests {

	@ParameterizedTest
	@CsvSource({ "201, INDEXED", "200, INDEXED", "409, ALREADY_EXISTS", "429, RETRY", "500, RETRY", "503, RETRY",
			"400, REJECTED", "404, REJECTED" })
	void classifiesEachItemByItsStatus(int status, ItemOutcome outcome) {
		assertThat(ItemOutcome.ofStatus(status)).isEqualTo(outcome);
	}

	@ParameterizedTest
	@CsvSource({ "403, cluster_block_exception, RETRY", "429, cluster_block_exception, RETRY",
			"403, security_exception, REJECTED", "400, document_parsing_exception, REJECTED" })
	void retriesEveryItemAnIndexBlockStopped(int status, String errorType, ItemOutcome outcome) {
		assertThat(ItemOutcome.of(status, errorType)).isEqualTo(outcome);
	}

}
