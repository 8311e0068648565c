package io.logpipe.testsupport;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Adds the shared servers' addresses to the environment, ahead of every other property
 * source, so they win over {@code application.yml}.
 *
 * <p>
 * A record: Spring caches contexts by their customizers' {@code equals}, and the servers
 * are the same for the whole JVM, so tests that ask for the same servers share a context.
 */
record TestServersContextCustomizer(boolean kafka, boolean elasticsearch) implements ContextCustomizer {

	private static final String PROPERTY_SOURCE_NAME = "logpipeTestServers";

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
		Map<String, Object> properties = new LinkedHashMap<>();
		if (this.kafka) {
			properties.put("spring.kafka.bootstrap-servers", TestServers.kafka().bootstrapServers());
		}
		if (this.elasticsearch) {
			properties.put("spring.elasticsearch.uris", TestServers.elasticsearch().uri().toString());
		}
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, properties));
	}

}
