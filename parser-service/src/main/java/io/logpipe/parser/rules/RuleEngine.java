package io.logpipe.parser.rules;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.CRC32C;

import io.logpipe.common.event.LogDocument;
import io.logpipe.parser.parse.format.BudgetedPattern;
import io.logpipe.parser.parse.level.LevelNormalizer;
import io.logpipe.parser.redact.RedactionCounter;
import io.logpipe.parser.redact.RedactionRule;
import io.logpipe.parser.redact.Redactor;

/**
 * Applies the per-tenant rules to a document, in their configured order. A drop, or a
 * sample that does not keep the document, ends the evaluation; the first route wins.
 * Sampling is decided by a hash of the event id, so a redelivered record gets the same
 * answer and exactly-once holds for sampled streams too. Thread-safe.
 */
public final class RuleEngine {

	private final List<CompiledRule> rules;

	public RuleEngine(List<Rule> rules, Duration patternBudget, RedactionCounter counter) {
		this.rules = rules.stream()
			.map((rule) -> new CompiledRule(rule, redactor(rule, patternBudget, counter)))
			.toList();
	}

	/** The topics route rules send to, so they can be created at start-up. */
	public Set<String> routeTopics() {
		return this.rules.stream()
			.map((compiled) -> compiled.rule().topic())
			.filter(Objects::nonNull)
			.collect(Collectors.toUnmodifiableSet());
	}

	public RuleOutcome apply(LogDocument document) {
		LogDocument current = document;
		String topic = null;
		for (CompiledRule compiled : this.rules) {
			Rule rule = compiled.rule();
			if (!matches(rule, current)) {
				continue;
			}
			switch (rule.action()) {
				case DROP -> {
					return new RuleOutcome(null, null, rule.name());
				}
				case SAMPLE -> {
					if (!keep(current.id(), rule.keepOneIn())) {
						return new RuleOutcome(null, null, rule.name());
					}
				}
				case ROUTE -> topic = (topic != null) ? topic : rule.topic();
				case ADD -> current = add(current, rule.fields());
				case RENAME -> current = rename(current, rule.renames());
				case REDACT -> current = compiled.redactor().redact(current);
			}
		}
		return new RuleOutcome(current, topic, null);
	}

	private static boolean matches(Rule rule, LogDocument document) {
		if (!"*".equals(rule.tenant()) && !rule.tenant().equals(document.tenant())) {
			return false;
		}
		if (rule.service() != null && !rule.service().equals(document.serviceName())) {
			return false;
		}
		if (rule.levels().isEmpty()) {
			return true;
		}
		String level = (document.log() != null) ? document.log().level() : null;
		return level != null && rule.levels()
			.stream()
			.anyMatch((wanted) -> level.equals(LevelNormalizer.normalize(wanted).orElse(wanted)));
	}

	/** Keeps one id in {@code n}: the same id always gets the same answer. */
	static boolean keep(String id, int n) {
		CRC32C crc = new CRC32C();
		crc.update(String.valueOf(id).getBytes(StandardCharsets.UTF_8));
		return crc.getValue() % n == 0;
	}

	private static LogDocument add(LogDocument document, Map<String, String> fields) {
		Map<String, String> labels = copy(document.labels());
		Map<String, Object> attributes = copy(document.attributes());
		fields.forEach((name, value) -> {
			if (name.startsWith("labels.")) {
				labels.put(name.substring("labels.".length()), value);
			}
			else {
				attributes.put(name, value);
			}
		});
		return with(document, labels, attributes);
	}

	private static LogDocument rename(LogDocument document, Map<String, String> renames) {
		Map<String, String> labels = copy(document.labels());
		Map<String, Object> attributes = copy(document.attributes());
		renames.forEach((from, to) -> {
			if (!attributes.containsKey(from)) {
				return;
			}
			Object value = attributes.remove(from);
			if (to.startsWith("labels.")) {
				labels.put(to.substring("labels.".length()), String.valueOf(value));
			}
			else {
				attributes.put(to, value);
			}
		});
		return with(document, labels, attributes);
	}

	private static <V> Map<String, V> copy(Map<String, V> map) {
		return (map != null) ? new LinkedHashMap<>(map) : new LinkedHashMap<>();
	}

	private static LogDocument with(LogDocument d, Map<String, String> labels, Map<String, Object> attributes) {
		return d.toBuilder()
			.labels(labels.isEmpty() ? null : labels)
			.attributes(attributes.isEmpty() ? null : attributes)
			.build();
	}

	private static Redactor redactor(Rule rule, Duration budget, RedactionCounter counter) {
		if (rule.action() != Rule.Action.REDACT) {
			return null;
		}
		String replacement = (rule.replacement() != null) ? rule.replacement() : RedactionRule.marker(rule.name());
		RedactionRule redaction = RedactionRule.replacing(rule.name(),
				new BudgetedPattern(Pattern.compile(rule.pattern()), budget), replacement);
		return new Redactor(List.of(redaction), false, counter);
	}

	private record CompiledRule(Rule rule, Redactor redactor) {
	}

}
