package io.logpipe.service.metrics;

import org.springframework.boot.micrometer.metrics.autoconfigure.MeterRegistryCustomizer;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Tags every meter with the service's name, so one Prometheus can tell the services
 * apart.
 */
public class CommonMeterTags implements MeterRegistryCustomizer<MeterRegistry> {

	private final String application;

	public CommonMeterTags(String application) {
		this.application = application;
	}

	@Override
	public void customize(MeterRegistry registry) {
		registry.config().commonTags("application", this.application);
	}

}
