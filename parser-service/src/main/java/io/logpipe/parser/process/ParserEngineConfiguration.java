package io.logpipe.parser.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.logpipe.common.codec.EventCodec;
import io.logpipe.parser.metrics.ParserMeters;
import io.logpipe.parser.parse.LogParser;
import io.logpipe.parser.parse.ParsingProperties;
import io.logpipe.parser.parse.enrich.UserAgentParser;
import io.logpipe.parser.parse.format.BudgetedPattern;
import io.logpipe.parser.parse.format.Formats;
import io.logpipe.parser.parse.format.GrokLibrary;
import io.logpipe.parser.parse.time.TimestampResolver;
import io.logpipe.parser.redact.BuiltInRedactions;
import io.logpipe.parser.redact.RedactionProperties;
import io.logpipe.parser.redact.RedactionRule;
import io.logpipe.parser.redact.Redactor;
import io.logpipe.parser.rules.RuleEngine;
import io.logpipe.parser.rules.RulesProperties;

/**
 * Builds the parse, rule and redaction engine from configuration. Everything is compiled
 * here, at start-up: a grok expression naming an unknown pattern, a bad regex or an
 * unknown built-in rule stops the service with a message, not the first record.
 */
@Configuration(proxyBeanMethods = false)
public class ParserEngineConfiguration {

	@Bean
	ParserMeters parserMeters(MeterRegistry registry) {
		return new ParserMeters(registry);
	}

	@Bean
	RecordProcessor recordProcessor(EventCodec codec, ParsingProperties parsing, RedactionProperties redaction,
			RuleEngine rules, ParserMeters meters) {
		return create(codec, parsing, redaction, rules, meters);
	}

	@Bean
	RuleEngine ruleEngine(RulesProperties rules, ParsingProperties parsing, ParserMeters meters) {
		return new RuleEngine(rules.rules(), parsing.patternBudget(), meters::redacted);
	}

	/** The engine without Spring, for tests and benchmarks. */
	public static RecordProcessor create(EventCodec codec, ParsingProperties parsing, RedactionProperties redaction,
			RuleEngine rules, ParserMeters meters) {
		GrokLibrary grok = new GrokLibrary(parsing.grokPatterns(), parsing.patternBudget());
		Formats formats = new Formats(codec.mapper(), grok, parsing.grokFormats(), parsing.patternBudget(),
				meters::timedOut);
		TimestampResolver timestamps = new TimestampResolver(parsing.defaultZone(), parsing.zones(),
				parsing.timestampPatterns(), parsing.maxFutureSkew());
		LogParser parser = new LogParser(formats, timestamps, new UserAgentParser());
		return new RecordProcessor(parser, rules, redactor(redaction, parsing, meters));
	}

	private static Redactor redactor(RedactionProperties properties, ParsingProperties parsing, ParserMeters meters) {
		Map<String, RedactionRule> builtIn = BuiltInRedactions.all(parsing.patternBudget());
		List<RedactionRule> rules = new ArrayList<>();
		for (String name : properties.builtIn()) {
			RedactionRule rule = builtIn.get(name);
			if (rule == null) {
				throw new IllegalArgumentException(
						"parser.redaction.built-in: unknown rule '" + name + "'; known: " + builtIn.keySet());
			}
			rules.add(rule);
		}
		for (RedactionProperties.CustomPattern custom : properties.patterns()) {
			String replacement = (custom.replacement() != null) ? custom.replacement()
					: RedactionRule.marker(custom.name());
			rules.add(RedactionRule.replacing(custom.name(),
					new BudgetedPattern(Pattern.compile(custom.regex()), parsing.patternBudget()), replacement));
		}
		return new Redactor(rules, properties.secretFields(), meters::redacted);
	}

}
