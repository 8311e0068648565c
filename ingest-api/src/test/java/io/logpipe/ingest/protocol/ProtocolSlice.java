package io.logpipe.ingest.protocol;

import java.time.Instant;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

import io.logpipe.ingest.http.IngestSlice;

/**
 * Everything a {@code @WebMvcTest} of a protocol controller needs besides the controller
 * and its advice: ingest's request pipeline ({@link IngestSlice}: fixed clock, in-memory
 * meters) and the seam. Kafka's publisher is the one piece each test class mocks.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({ IngestSlice.class, ProtocolIngest.class })
public class ProtocolSlice {

	public static final Instant NOW = IngestSlice.NOW;

	/** SHA-256 of "app-key". */
	public static final String APP_KEY_SHA256 = IngestSlice.APP_KEY_SHA256;

}
