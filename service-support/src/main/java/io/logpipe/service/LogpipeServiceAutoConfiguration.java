package io.logpipe.service;

import java.time.Clock;
import java.time.Duration;

import org.apache.kafka.clients.admin.Admin;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.micrometer.metrics.autoconfigure.MeterRegistryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;

import io.logpipe.common.codec.EventCodec;
import io.logpipe.service.kafka.KafkaHealthIndicator;
import io.logpipe.service.metrics.CommonMeterTags;
import io.micrometer.core.instrument.MeterRegistry;

/** Beans every logpipe service needs. */
@AutoConfiguration(afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
public class LogpipeServiceAutoConfiguration {

	/** Services read the time through this bean, so tests can fix it. */
	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	@ConditionalOnMissingBean
	EventCodec eventCodec() {
		return new EventCodec();
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnBean(KafkaAdmin.class)
	@ConditionalOnMissingBean(name = "kafkaHealthAdmin")
	Admin kafkaHealthAdmin(KafkaAdmin kafkaAdmin) {
		return Admin.create(kafkaAdmin.getConfigurationProperties());
	}

	@Bean
	@ConditionalOnBean(KafkaAdmin.class)
	KafkaHealthIndicator kafkaHealthIndicator(Admin kafkaHealthAdmin,
			@Value("${logpipe.health.kafka-timeout:2s}") Duration timeout) {
		return new KafkaHealthIndicator(kafkaHealthAdmin, timeout);
	}

	@Bean
	MeterRegistryCustomizer<MeterRegistry> commonMeterTags(
			@Value("${spring.application.name:logpipe}") String application) {
		return new CommonMeterTags(application);
	}

}
