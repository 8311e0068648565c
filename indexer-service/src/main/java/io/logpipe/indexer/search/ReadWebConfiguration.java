package io.logpipe.indexer.search;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.logpipe.service.auth.ApiKeyConfiguration;
import io.logpipe.service.auth.ApiKeyRegistry;

/**
 * The read side's web set-up: tenants from the shared API keys, and the page at
 * {@code /ui/} (static files under {@code classpath:/static/ui/}).
 */
@Configuration(proxyBeanMethods = false)
@Import(ApiKeyConfiguration.class)
class ReadWebConfiguration implements WebMvcConfigurer {

	private final ApiKeyRegistry keys;

	ReadWebConfiguration(ApiKeyRegistry keys) {
		this.keys = keys;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new TenantResolver(this.keys));
	}

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addRedirectViewController("/ui", "/ui/");
		registry.addViewController("/ui/").setViewName("forward:/ui/index.html");
	}

}
