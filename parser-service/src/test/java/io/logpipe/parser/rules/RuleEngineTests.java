package io.logpipe.parser.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.logpipe.common.event.LogDocument;

import static org.assertj.core.api.Assertions.assertThat;

class RuleEngineTests {

	private final List<String> redactions = new ArrayList<>();

	private RuleEngine engine(Rule... rules) {
		return new RuleEngine(List.of(rules), Duration.ofMillis(100), this.redactions::add);
	}

	private static Rule rule(String name, String tenant, String service, List<String> levels, Rule.Action action) {
		return new Rule(name, tenant, service, levels, action, null, null, null, null, null, null);
	}

	@Test
	void dropsDebugFromOneServiceOfOneTenantOnly() {
		RuleEngine engine = engine(rule("no-debug", "acme", "checkout", List.of("debug"), Rule.Action.DROP));

		assertThat(engine.apply(document("id", "acme", "checkout", "DEBUG")).droppedBy()).isEqualTo("no-debug");
		assertThat(engine.apply(document("id", "acme", "checkout", "INFO")).dropped()).isFalse();
		assertThat(engine.apply(document("id", "acme", "cart", "DEBUG")).dropped()).isFalse();
		assertThat(engine.apply(document("id", "beta", "checkout", "DEBUG")).dropped()).isFalse();
	}

	@Test
	void samplesOneInNDeterministicallyByEventId() {
		RuleEngine engine = engine(
				new Rule("tenth", "*", null, List.of(), Rule.Action.SAMPLE, 10, null, null, null, null, null));

		List<Boolean> first = IntStream.range(0, 10_000)
			.mapToObj((i) -> !engine.apply(document("id-" + i, "acme", "svc", "INFO")).dropped())
			.toList();
		List<Boolean> again = IntStream.range(0, 10_000)
			.mapToObj((i) -> !engine.apply(document("id-" + i, "acme", "svc", "INFO")).dropped())
			.toList();

		assertThat(again).isEqualTo(first);
		assertThat(first.stream().filter((kept) -> kept).count()).isBetween(850L, 1150L);
	}

	@Test
	void routesToAnotherTopicAndTheFirstRouteWins() {
		RuleEngine engine = engine(
				new Rule("audit", "acme", null, List.of(), Rule.Action.ROUTE, null, "audit-logs", null, null, null,
						null),
				new Rule("other", "*", null, List.of(), Rule.Action.ROUTE, null, "other-logs", null, null, null, null));

		assertThat(engine.apply(document("id", "acme", "svc", "INFO")).topic()).isEqualTo("audit-logs");
		assertThat(engine.apply(document("id", "beta", "svc", "INFO")).topic()).isEqualTo("other-logs");
		assertThat(engine.routeTopics()).containsExactlyInAnyOrder("audit-logs", "other-logs");
	}

	@Test
	void addsLabelsAndAttributesAndRenamesAttributes() {
		RuleEngine engine = engine(
				new Rule("team", "acme", null, List.of(), Rule.Action.ADD, null, null,
						Map.of("labels.team", "payments", "cost_center", "42"), null, null, null),
				new Rule("names", "acme", null, List.of(), Rule.Action.RENAME, null, null, null,
						Map.of("usr", "user_id", "region", "labels.region"), null, null));

		LogDocument result = engine.apply(document("id", "acme", "svc", "INFO")).document();

		assertThat(result.labels()).containsExactlyInAnyOrderEntriesOf(Map.of("team", "payments", "region", "eu"));
		assertThat(result.attributes())
			.containsExactlyInAnyOrderEntriesOf(Map.of("user_id", "u-1", "cost_center", "42"));
	}

	@Test
	void redactsATenantsOwnPatternAndCountsIt() {
		RuleEngine engine = engine(new Rule("customer-no", "acme", null, List.of(), Rule.Action.REDACT, null, null,
				null, null, "\\bC-\\d{6}\\b", null));

		assertThat(engine.apply(document("id", "acme", "svc", "INFO")).document().message())
			.isEqualTo("order for [REDACTED:customer-no]");
		assertThat(engine.apply(document("id", "beta", "svc", "INFO")).document().message())
			.isEqualTo("order for C-123456");
		assertThat(this.redactions).containsExactly("customer-no");
	}

	private static LogDocument document(String id, String tenant, String service, String level) {
		return LogDocument.builder()
			.timestamp(Instant.parse("2026-11-21T10:00:00Z"))
			.message("order for C-123456")
			.event(new LogDocument.Event(id, null, null, null, null))
			.organization(new LogDocument.Organization(tenant))
			.service(new LogDocument.Service(service, null, null))
			.log(new LogDocument.Log(level, null, null))
			.attributes(Map.of("usr", "u-1", "region", "eu"))
			.build();
	}

}
