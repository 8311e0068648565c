package io.logpipe.ingest.http;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import io.logpipe.ingest.kafka.RawRecordPublisher;
import io.logpipe.ingest.problem.ProblemType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document the service serves. The whole application runs (no broker needed:
 * the publisher is mocked and ingest does not create topics here).
 */
@SpringBootTest(properties = "spring.kafka.admin.auto-create=false")
@AutoConfigureMockMvc
class OpenApiDocumentTests {

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private RawRecordPublisher publisher;

	@Test
	void describesTheLogsEndpointItsBodyFormatsAndEveryProblemType() {
		MvcTestResult result = this.mvc.get().uri("/v3/api-docs").exchange();

		assertThat(result).hasStatus(HttpStatus.OK);
		assertThat(result).bodyJson()
			.extractingPath("$.paths['/api/v1/logs'].post.requestBody.content")
			.asMap()
			.containsKeys("application/json", "application/x-ndjson", "text/plain");
		assertThat(result).bodyJson()
			.extractingPath("$.paths['/api/v1/logs'].post.responses")
			.asMap()
			.containsKeys("202", "400", "401", "403", "413", "415", "429", "503");
		assertThat(result).bodyJson()
			.extractingPath("$.paths['/api/v1/logs'].post.parameters[*].name")
			.asArray()
			.contains("Idempotency-Key", "traceparent", "X-Logpipe-Service", "category")
			.doesNotContain("client", "request");
		String[] types = Arrays.stream(ProblemType.values())
			.map((type) -> type.uri().toString())
			.toArray(String[]::new);
		assertThat(result).bodyJson()
			.extractingPath("$.components.schemas.Problem.properties.type.enum")
			.asArray()
			.containsExactly((Object[]) types);
		assertThat(result).bodyJson()
			.extractingPath("$.x-problem-types[*].type")
			.asArray()
			.containsExactly((Object[]) types);
	}

}
