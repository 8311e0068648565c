package io.logpipe.parser.process;

import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import io.logpipe.common.event.LogDocument;
import io.logpipe.common.event.RawLogRecord;
import io.logpipe.common.event.TraceContext;
import io.logpipe.parser.rules.Rule;

import static org.assertj.core.api.Assertions.assertThat;

class RecordProcessorTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	@Test
	void keepsTheRawMessageOfARecordThatDoesNotMatchItsHintAndReportsTheFailure() {
		Outcome outcome = TestEngines.processor(List.of(), this.registry)
			.process(TestEngines.line("not json mail me at a@b.io", "json"));

		assertThat(outcome.failure().reason()).isEqualTo("format-mismatch");
		assertThat(outcome.document().tags()).contains(LogDocument.TAG_PARSE_FAILURE);
		assertThat(outcome.document().message()).isEqualTo("not json mail me at [REDACTED:email]");
		assertThat(outcome.document().logpipe().format()).isEqualTo("json");
	}

	@Test
	void dropsWhatARuleDropsBeforeRedacting() {
		Outcome outcome = TestEngines
			.processor(List.of(new Rule("no-debug", "acme", null, List.of("DEBUG"), Rule.Action.DROP, null, null, null,
					null, null, null)), this.registry)
			.process(TestEngines.line("level=debug msg=noise", null));

		assertThat(outcome.document()).isNull();
		assertThat(outcome.droppedBy()).isEqualTo("no-debug");
	}

	@Test
	void countsRedactionsPerRule() {
		TestEngines.processor(List.of(), this.registry)
			.process(TestEngines.line("a@b.io and c@d.io and IBAN DE89370400440532013000", null));

		assertThat(this.registry.get("logpipe.parser.redactions").tag("rule", "email").counter().count()).isEqualTo(2);
		assertThat(this.registry.get("logpipe.parser.redactions").tag("rule", "iban").counter().count()).isEqualTo(1);
	}

	@Test
	void givesTheDocumentTheTraceContextOfTheRequestThatCarriedIt() {
		RawLogRecord traced = TestEngines.line("payment declined", null)
			.withTrace(new TraceContext("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7"));

		LogDocument document = TestEngines.processor(List.of(), this.registry).process(traced).document();

		assertThat(document.trace().id()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
		assertThat(document.span().id()).isEqualTo("00f067aa0ba902b7");
	}

	@Test
	void keepsTheEventsOwnTraceIdsOverTheRequestsAndNeverMixesThem() {
		RawLogRecord line = TestEngines.line("payment declined", null);
		RawLogRecord traced = new RawLogRecord(line.schemaVersion(), line.id(), line.tenant(), line.receivedAt(),
				line.category(), line.protocol(), line.source(), line.message(),
				Map.of("trace.id", "0af7651916cd43dd8448eb211c80319c"), line.format(),
				new TraceContext("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7"));

		LogDocument document = TestEngines.processor(List.of(), this.registry).process(traced).document();

		assertThat(document.trace().id()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
		assertThat(document.span()).as("the request's span is not the event's").isNull();
	}

}
