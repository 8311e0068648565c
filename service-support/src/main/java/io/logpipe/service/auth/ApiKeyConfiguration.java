package io.logpipe.service.auth;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@link ApiKeyRegistry} bound from {@code logpipe.auth}; imported by the services
 * that answer tenants' keys (ingest-api, indexer-service), not by the others.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiKeyProperties.class)
public class ApiKeyConfiguration {

	@Bean
	ApiKeyRegistry apiKeyRegistry(ApiKeyProperties properties) {
		return new ApiKeyRegistry(properties);
	}

}
