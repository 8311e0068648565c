package io.logpipe.ingest.http;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.logpipe.ingest.http.LogsRequests.post;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark's no-op endpoint: authenticated like the real one, and off by default.
 */
@WebMvcTest(NoopController.class)
@Import(IngestSlice.class)
@TestPropertySource(properties = { "ingest.benchmark.noop-endpoint=true",
		"logpipe.auth.keys[0].sha256=" + IngestSlice.APP_KEY_SHA256, "logpipe.auth.keys[0].tenant=acme",
		"spring.mvc.problemdetails.enabled=true" })
class NoopControllerTests {

	@Autowired
	private MockMvcTester mvc;

	@Test
	void acceptsAnAuthenticatedRequestWithoutDoingAnything() {
		assertThat(noop("app-key")).hasStatus(HttpStatus.ACCEPTED).bodyJson().extractingPath("$.accepted").isEqualTo(0);
	}

	@Test
	void rejectsARequestWithoutAKeyLikeTheRealEndpoint() {
		assertThat(noop(null)).hasStatus(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void doesNotExistUnlessTheBenchmarkTurnsItOn() {
		new WebApplicationContextRunner().withUserConfiguration(NoopController.class)
			.run((context) -> assertThat(context).doesNotHaveBean(NoopController.class));
	}

	private MvcTestResult noop(String key) {
		return post(this.mvc, key, "/api/v1/noop").contentType(MediaType.APPLICATION_JSON)
			.content("{\"message\":\"hello\"}")
			.exchange();
	}

}
