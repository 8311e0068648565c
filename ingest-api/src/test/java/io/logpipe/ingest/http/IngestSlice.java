package io.logpipe.ingest.http;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import io.logpipe.common.codec.EventCodec;
import io.logpipe.ingest.admission.AdmissionProperties;
import io.logpipe.ingest.admission.InFlightBytes;
import io.logpipe.ingest.admission.KeyRateLimiter;
import io.logpipe.ingest.auth.ApiKeyAuthenticator;
import io.logpipe.ingest.body.IngestLimitsProperties;
import io.logpipe.ingest.body.RequestBodyReader;
import io.logpipe.ingest.event.CategoryRouter;
import io.logpipe.ingest.event.EventBatchReader;
import io.logpipe.ingest.event.RoutingProperties;
import io.logpipe.ingest.kafka.IngestKafkaProperties;
import io.logpipe.ingest.metrics.IngestMetrics;
import io.logpipe.ingest.protocol.Failures;
import io.logpipe.service.auth.ApiKeyConfiguration;

/**
 * Everything {@code @WebMvcTest(LogsController.class)} needs besides the controller (and,
 * with {@code ProtocolSlice}, a protocol controller): the real request pipeline with a
 * fixed clock and an in-memory meter registry. Kafka's publisher is the one piece each
 * test class mocks.
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties({ IngestKafkaProperties.class, IngestLimitsProperties.class, AdmissionProperties.class,
		RoutingProperties.class })
@Import({ ApiKeyConfiguration.class, ApiKeyAuthenticator.class, KeyRateLimiter.class, InFlightBytes.class,
		RequestBodyReader.class, CategoryRouter.class, EventBatchReader.class, IngestMetrics.class,
		// The protocols' error advice, which every @WebMvcTest loads, counts through it.
		Failures.class })
public class IngestSlice {

	public static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

	/** SHA-256 of "app-key". */
	public static final String APP_KEY_SHA256 = "2924a27d7fc715372a952b03583ae5f1221556bcdabbf2a57ff5de577efe11c1";

	// SHA-256 of "app-only-key"
	static final String APP_ONLY_KEY_SHA256 = "b1cb296c5d7ce3cbd43ddd403ee37d82ebc559b108d24732c183bece78713733";

	@Bean
	Clock clock() {
		return Clock.fixed(NOW, ZoneOffset.UTC);
	}

	@Bean
	EventCodec eventCodec() {
		return new EventCodec();
	}

	@Bean
	MeterRegistry meterRegistry() {
		return new SimpleMeterRegistry();
	}

}
