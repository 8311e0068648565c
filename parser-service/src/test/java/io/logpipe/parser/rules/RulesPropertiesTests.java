package io.logpipe.parser.rules;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class RulesPropertiesTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Enable.class);

	@Test
	void bindsRulesFromConfiguration() {
		this.runner
			.withPropertyValues("parser.rules[0].name=no-debug", "parser.rules[0].tenant=acme",
					"parser.rules[0].service=checkout", "parser.rules[0].levels=debug,trace",
					"parser.rules[0].action=drop", "parser.rules[1].name=sample", "parser.rules[1].action=sample",
					"parser.rules[1].keep-one-in=10", "parser.rules[2].name=team", "parser.rules[2].action=add",
					"parser.rules[2].fields[labels.team]=payments")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				RulesProperties rules = context.getBean(RulesProperties.class);
				assertThat(rules.rules()).hasSize(3);
				assertThat(rules.rules().get(0).levels()).containsExactly("debug", "trace");
				assertThat(rules.rules().get(1).tenant()).isEqualTo("*");
				assertThat(rules.rules().get(2).fields()).containsEntry("labels.team", "payments");
			});
	}

	@Test
	void failsAtStartUpNamingTheRuleAndTheProblem() {
		this.runner
			.withPropertyValues("parser.rules[0].name=half", "parser.rules[0].action=sample",
					"parser.rules[0].keep-one-in=1")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessage("parser rule 'half': action 'sample' needs keep-one-in of 2 or more"));
		this.runner.withPropertyValues("parser.rules[0].name=r", "parser.rules[0].action=route")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessage("parser rule 'r': action 'route' needs a topic"));
		this.runner
			.withPropertyValues("parser.rules[0].name=bad", "parser.rules[0].action=redact",
					"parser.rules[0].pattern=(unclosed")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageStartingWith("parser rule 'bad': pattern is not a regular expression"));
	}

	@Test
	void failsAtStartUpOnAnUnknownActionOrAMissingName() {
		this.runner.withPropertyValues("parser.rules[0].name=x", "parser.rules[0].action=explode")
			.run((context) -> assertThat(context).hasFailed());
		this.runner.withPropertyValues("parser.rules[0].action=drop")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("parser.rules[0].name"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(RulesProperties.class)
	static class Enable {

	}

}
