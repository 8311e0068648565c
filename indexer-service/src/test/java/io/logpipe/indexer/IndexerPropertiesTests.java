package io.logpipe.indexer;

import java.io.IOException;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

class IndexerPropertiesTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Enable.class);

	@Test
	void keepsTheBackOffsThatWereHardCodedAsDefaults() {
		this.runner.run((context) -> {
			IndexerProperties properties = context.getBean(IndexerProperties.class);
			assertThat(properties.deadLetterTimeout()).isEqualTo(Duration.ofSeconds(30));
			assertThat(properties.retry().batchInitialBackOff()).isEqualTo(Duration.ofMillis(500));
			assertThat(properties.retry().batchMaxBackOff()).isEqualTo(Duration.ofSeconds(30));
			assertThat(properties.template().installInitialBackOff()).isEqualTo(Duration.ofMillis(500));
			assertThat(properties.template().installMaxBackOff()).isEqualTo(Duration.ofSeconds(15));
		});
	}

	@Test
	void applicationYmlStatesExactlyTheDefaults() throws IOException {
		PropertySource<?> yml = new YamlPropertySourceLoader()
			.load("application.yml", new ClassPathResource("application.yml"))
			.get(0);
		IndexerProperties documented = new Binder(ConfigurationPropertySources.from(yml)).bindOrCreate("indexer",
				IndexerProperties.class);
		this.runner.run((context) -> assertThat(documented).isEqualTo(context.getBean(IndexerProperties.class)));
	}

	@Test
	void refusesToStartWithABackOffOfZeroOrADeadLetterTimeoutOverTenMinutes() {
		this.runner.withPropertyValues("indexer.retry.batch-initial-back-off=0ms")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("retry.batchInitialBackOff"));
		this.runner.withPropertyValues("indexer.template.install-max-back-off=0s")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("template.installMaxBackOff"));
		this.runner.withPropertyValues("indexer.dead-letter-timeout=11m")
			.run((context) -> assertThat(context).getFailure().rootCause().hasMessageContaining("deadLetterTimeout"));
	}

	@Test
	void refusesToStartWithoutRoomForOneServicePerTenantOrWithARefreshUnderASecond() {
		this.runner.withPropertyValues("indexer.tenants.max-services-per-tenant=0")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("tenants.maxServicesPerTenant"));
		this.runner.withPropertyValues("indexer.tenants.refresh=100ms")
			.run((context) -> assertThat(context).getFailure().rootCause().hasMessageContaining("tenants.refresh"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(IndexerProperties.class)
	static class Enable {

	}

}
