package io.logpipe.ingest.admission;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts {@link AddressLimit} in front of every ingest endpoint. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClientLimitsProperties.class)
class AdmissionWebConfiguration implements WebMvcConfigurer {

	private final AddressLimit addressLimit;

	AdmissionWebConfiguration(AddressLimit addressLimit) {
		this.addressLimit = addressLimit;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this.addressLimit).excludePathPatterns("/actuator/**");
	}

}
