package io.logpipe.ingest.metrics;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.HandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

class IngestMetricsTests {

	@Test
	void theEndpointTagIsTheMappingsPatternNeverThePathAClientSent() {
		MockHttpServletRequest mapped = new MockHttpServletRequest("POST", "/api/v1/logs");
		mapped.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, "/api/v1/logs");
		MockHttpServletRequest unmapped = new MockHttpServletRequest("POST", "/api/v1/logs/anything-1234");

		assertThat(IngestMetrics.endpoint(mapped)).isEqualTo("/api/v1/logs");
		assertThat(IngestMetrics.endpoint(unmapped)).isEqualTo("unmatched");
	}

}
