package io.logpipe.parser.kafka;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class RollbackPropertiesTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Enable.class);

	@Test
	void defaultsToThreeRetriesFrom200MillisecondsDoubling() {
		this.runner.run((context) -> {
			RollbackProperties rollback = context.getBean(RollbackProperties.class);
			assertThat(rollback.retries()).isEqualTo(3);
			assertThat(rollback.initialInterval()).isEqualTo(Duration.ofMillis(200));
			assertThat(rollback.multiplier()).isEqualTo(2.0);
			assertThat(rollback.maxInterval()).isEqualTo(Duration.ofSeconds(10));
		});
	}

	@Test
	void failsAtStartUpOnValuesOutOfBounds() {
		this.runner.withPropertyValues("parser.rollback.retries=11")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("parser.rollback.retries"));
		this.runner.withPropertyValues("parser.rollback.initial-interval=0ms")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("parser.rollback.initialInterval"));
		this.runner.withPropertyValues("parser.rollback.multiplier=0.5")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("parser.rollback.multiplier"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(RollbackProperties.class)
	static class Enable {

	}

}
