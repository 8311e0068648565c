package io.logpipe.testsupport;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;

@SpringJUnitConfig(RealServersAnnotationsIT.EmptyConfiguration.class)
@RealKafka
@RealElasticsearch
class RealServersAnnotationsIT {

	@Autowired
	private Environment environment;

	@Test
	void pointsSpringAtTheSharedServers() {
		assertThat(this.environment.getProperty("spring.kafka.bootstrap-servers"))
			.isEqualTo(TestServers.kafka().bootstrapServers());
		assertThat(this.environment.getProperty("spring.elasticsearch.uris"))
			.isEqualTo(TestServers.elasticsearch().uri().toString())
			.startsWith("http://");
	}

	@Nested
	class InANestedClass {

		@Autowired
		private Environment nestedEnvironment;

		@Test
		void seesTheEnclosingClassAnnotations() {
			assertThat(this.nestedEnvironment.getProperty("spring.kafka.bootstrap-servers"))
				.isEqualTo(TestServers.kafka().bootstrapServers());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class EmptyConfiguration {

	}

}
