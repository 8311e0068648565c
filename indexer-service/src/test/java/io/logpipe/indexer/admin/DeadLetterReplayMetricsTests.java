package io.logpipe.indexer.admin;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterReplayMetricsTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final DeadLetterReplayMetrics metrics = new DeadLetterReplayMetrics(this.registry);

	@Test
	void countsByStageAndErrorType() {
		this.metrics.replayed("parse", "format-mismatch");
		this.metrics.replayed("parse", "format-mismatch");
		this.metrics.replayed("index", "document_parsing_exception");
		this.metrics.replayed("parse", "java.lang.IllegalStateException");

		assertThat(count("parse", "format-mismatch")).isEqualTo(2);
		assertThat(count("index", "document_parsing_exception")).isEqualTo(1);
		assertThat(count("parse", "java.lang.illegalstateexception")).isEqualTo(1);
	}

	@Test
	void aReasonThatIsNotAWordOrEmptyIsNotATagValue() {
		assertThat(this.metrics.reason("free text: with spaces")).isEqualTo("other");
		assertThat(this.metrics.reason("x".repeat(101))).isEqualTo("other");
		assertThat(this.metrics.reason("")).isEqualTo("none");
	}

	@Test
	void keepsAtMostFiftyReasonsAndTheFirstOnesStay() {
		for (int i = 0; i < 60; i++) {
			this.metrics.replayed("index", "error_" + i);
		}

		assertThat(this.registry.find(DeadLetterReplayMetrics.REPLAYED).counters())
			.extracting((counter) -> counter.getId().getTag("reason"))
			.doesNotHaveDuplicates()
			.hasSize(DeadLetterReplayMetrics.MAX_REASONS + 1)
			.contains("error_0", "error_49", "other")
			.doesNotContain("error_50");
		assertThat(this.metrics.reason("error_0")).isEqualTo("error_0");
		assertThat(count("index", "other")).isEqualTo(10);
	}

	private double count(String stage, String reason) {
		return this.registry.get(DeadLetterReplayMetrics.REPLAYED)
			.tag("stage", stage)
			.tag("reason", reason)
			.counter()
			.count();
	}

}
