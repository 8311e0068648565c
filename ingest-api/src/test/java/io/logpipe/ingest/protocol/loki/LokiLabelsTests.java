package io.logpipe.ingest.protocol.loki;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logpipe.service.problem.ProblemException;

class LokiLabelsTests {

	@Test
	void readsPrometheusLabelsWithEscapes() {
		assertThat(LokiLabels.parse("{job=\"varlogs\", filename=\"/var/log/a \\\"b\\\".log\",multi=\"a\\nb\"}"))
			.containsExactly(Map.entry("job", "varlogs"), Map.entry("filename", "/var/log/a \"b\".log"),
					Map.entry("multi", "a\nb"));
	}

	@Test
	void readsUnescapedQuotesInsideAValueAsWinstonLokiWritesThem() {
		assertThat(LokiLabels.parse("{level=\"info\",msg=\"say \"hi\" now\"}")).containsEntry("msg", "say \"hi\" now")
			.containsEntry("level", "info");
	}

	@Test
	void readsNoLabels() {
		assertThat(LokiLabels.parse("{}")).isEmpty();
		assertThat(LokiLabels.parse("")).isEmpty();
	}

	@Test
	void refusesWhatIsNotALabelSet() {
		assertThatThrownBy(() -> LokiLabels.parse("job=\"x\"")).isInstanceOf(ProblemException.class)
			.hasMessageContaining("enclosed in braces");
		assertThatThrownBy(() -> LokiLabels.parse("{job=x}")).isInstanceOf(ProblemException.class)
			.hasMessageContaining("must be quoted");
		assertThatThrownBy(() -> LokiLabels.parse("{job=\"x}")).isInstanceOf(ProblemException.class)
			.hasMessageContaining("not closed");
	}

}
