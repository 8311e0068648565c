package io.logpipe.parser.metrics;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class LogCountPropertiesTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Enable.class);

	@Test
	void defaultsToOneMinuteWindowsOnLogMetrics() {
		this.runner.run((context) -> {
			LogCountProperties properties = context.getBean(LogCountProperties.class);
			assertThat(properties.topic()).isEqualTo("log-metrics");
			assertThat(properties.window()).isEqualTo(Duration.ofMinutes(1));
		});
	}

	@Test
	void failsAtStartUpOnAWindowOutOfBoundsOrNotDividingADay() {
		this.runner.withPropertyValues("parser.metrics.window=7m")
			.run((context) -> assertThat(context).getFailure().rootCause().hasMessageContaining("must divide a day"));
		this.runner.withPropertyValues("parser.metrics.window=500ms")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("parser.metrics.window"));
		this.runner.withPropertyValues("parser.metrics.window=2h")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("parser.metrics.window"));
		this.runner.withPropertyValues("parser.metrics.topic= ")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("parser.metrics.topic"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(LogCountProperties.class)
	static class Enable {

	}

}
