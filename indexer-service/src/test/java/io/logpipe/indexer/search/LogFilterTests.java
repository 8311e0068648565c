package io.logpipe.indexer.search;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class LogFilterTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final String document = """
			{"message":"disk full","log":{"level":"ERROR"},"service":{"name":"db"},"host":{"name":"db-1"},
			 "trace":{"id":"abc"}}""";

	@Test
	void readsCommaSeparatedValuesAndUpperCasesLevels() {
		LogFilter filter = LogFilter.of(" db , cache", "error,warn", null, "");

		assertThat(filter.services()).containsExactly("db", "cache");
		assertThat(filter.levels()).containsExactly("ERROR", "WARN");
		assertThat(filter.hosts()).isEmpty();
		assertThat(filter.traceIds()).isEmpty();
	}

	@Test
	void aDocumentMatchesWhenEveryGivenFilterHasItsValue() {
		assertThat(LogFilter.of(null, null, null, null).matches(json.readTree(this.document))).isTrue();
		assertThat(LogFilter.of("db", "error", "db-1", "abc").matches(json.readTree(this.document))).isTrue();
		assertThat(LogFilter.of("cache", null, null, null).matches(json.readTree(this.document))).isFalse();
		assertThat(LogFilter.of(null, "warn", null, null).matches(json.readTree(this.document))).isFalse();
		assertThat(LogFilter.of(null, null, null, "other").matches(json.readTree(this.document))).isFalse();
		assertThat(LogFilter.of(null, null, null, "abc").matches(json.readTree("{\"message\":\"m\"}"))).isFalse();
	}

}
