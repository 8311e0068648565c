package io.logpipe.ingest.auth;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class AuthWebConfiguration implements WebMvcConfigurer {

	private final ApiKeyAuthenticator authenticator;

	AuthWebConfiguration(ApiKeyAuthenticator authenticator) {
		this.authenticator = authenticator;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new AuthenticatedClientResolver(this.authenticator));
	}

}
