package io.logpipe.parser.process;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import io.logpipe.common.codec.EventCodec;
import io.logpipe.common.event.Category;
import io.logpipe.common.event.RawLogRecord;
import io.logpipe.common.event.Source;
import io.logpipe.parser.metrics.ParserMeters;
import io.logpipe.parser.parse.ParsingProperties;
import io.logpipe.parser.redact.RedactionProperties;
import io.logpipe.parser.rules.Rule;
import io.logpipe.parser.rules.RuleEngine;

/** Fixtures: the engine as the service configures it by default, at a fixed time. */
public final class TestEngines {

	public static final Instant RECEIVED = Instant.parse("2026-11-21T10:00:00Z");

	private TestEngines() {
	}

	public static ParsingProperties defaultParsing() {
		return new ParsingProperties(Duration.ofMillis(200), Map.of(),
				Map.of("haproxy_lite",
						"^%{IP:source.ip}:%{INT:source.port} \\[%{NOTSPACE:timestamp}\\] %{GREEDYDATA:message}"),
				ZoneId.of("UTC"), Map.of("legacy-billing", ZoneId.of("Europe/Berlin")),
				List.of("dd.MM.yyyy HH:mm:ss", "dd/MMM/yyyy:HH:mm:ss.SSS"), Duration.ofMinutes(5));
	}

	public static RedactionProperties defaultRedaction() {
		return new RedactionProperties(List.of("bearer", "jwt", "aws-access-key", "password", "email", "card"), true,
				List.of(new RedactionProperties.CustomPattern("iban", "\\bDE\\d{20}\\b", null)));
	}

	public static RecordProcessor processor(List<Rule> rules, SimpleMeterRegistry registry) {
		ParsingProperties parsing = defaultParsing();
		ParserMeters meters = new ParserMeters(registry);
		return ParserEngineConfiguration.create(new EventCodec(), parsing, defaultRedaction(),
				new RuleEngine(rules, parsing.patternBudget(), meters::redacted), meters);
	}

	public static RawLogRecord line(String message, String format) {
		return new RawLogRecord(1, "id-1", "acme", RECEIVED, Category.APP, "native",
				new Source("checkout", "web-1", null, "127.0.0.1"), message, Map.of(), format);
	}

}
