package io.logpipe.parser.parse;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class ParsingPropertiesTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Enable.class);

	@Test
	void bindsDurationsWithinTheirBounds() {
		this.runner.withPropertyValues("parser.parsing.pattern-budget=10s", "parser.parsing.max-future-skew=0s")
			.run((context) -> {
				ParsingProperties properties = context.getBean(ParsingProperties.class);
				assertThat(properties.patternBudget()).isEqualTo(Duration.ofSeconds(10));
				assertThat(properties.maxFutureSkew()).isZero();
			});
	}

	@Test
	void failsAtStartUpNamingTheDurationOutOfBounds() {
		this.runner.withPropertyValues("parser.parsing.pattern-budget=0ms")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("parser.parsing.patternBudget"));
		this.runner.withPropertyValues("parser.parsing.pattern-budget=11s")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("parser.parsing.patternBudget"));
		this.runner.withPropertyValues("parser.parsing.max-future-skew=-1s")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("parser.parsing.maxFutureSkew"));
		this.runner.withPropertyValues("parser.parsing.max-future-skew=2d")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("parser.parsing.maxFutureSkew"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(ParsingProperties.class)
	static class Enable {

	}

}
