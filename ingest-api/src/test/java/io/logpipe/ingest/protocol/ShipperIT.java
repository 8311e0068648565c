package io.logpipe.ingest.protocol;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

import io.logpipe.testsupport.RealKafka;

/**
 * The ingest-api every shipper-protocol integration test drives with a real client, on
 * the real broker. Every test class gets the same configuration, so they share one
 * application context: {@link ShipperKeys#APP} writes for {@code it-tenant}, each
 * {@code *_LIMITED} key may send one request an hour (for the clients' view of a 429),
 * and an event may be at most 64KB (for a record rejected for good).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "logpipe.auth.keys[0].sha256=2924a27d7fc715372a952b03583ae5f1221556bcdabbf2a57ff5de577efe11c1",
				"logpipe.auth.keys[0].tenant=it-tenant",
				"logpipe.auth.keys[1].sha256=9982f6a3a3e26af3e796e60808a8d5a5165643909fdec39532ce3a192c21a875",
				"logpipe.auth.keys[1].tenant=it-tenant", "logpipe.auth.keys[1].rate-limit.requests=1",
				"logpipe.auth.keys[1].rate-limit.period=1h",
				"logpipe.auth.keys[2].sha256=6e9ce3def90c307c6df7970338b3db1e2de69f8f0a2eb33b9a5b6e8d0db7f898",
				"logpipe.auth.keys[2].tenant=it-tenant", "logpipe.auth.keys[2].rate-limit.requests=1",
				"logpipe.auth.keys[2].rate-limit.period=1h",
				"logpipe.auth.keys[3].sha256=c02f950ab8c72c3286423cc10163bb63f30c559691b4036f0f33511486514e98",
				"logpipe.auth.keys[3].tenant=it-tenant", "logpipe.auth.keys[3].rate-limit.requests=1",
				"logpipe.auth.keys[3].rate-limit.period=1h", "ingest.limits.max-event-size=64KB",
				"ingest.kafka.topics.app=" + ShipperKeys.RAW_TOPIC, "ingest.kafka.topics.system=shippers-it-system",
				"ingest.kafka.topics.security=shippers-it-security" })
@RealKafka
public @interface ShipperIT {

}
