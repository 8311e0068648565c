package io.logpipe.service.problem;

import java.net.URI;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemKindTests {

	enum SampleProblem implements ProblemKind {

		THROTTLED;

		@Override
		public Definition definition() {
			return new Definition("throttled", HttpStatus.TOO_MANY_REQUESTS, "Slow down");
		}

	}

	@Test
	void aProblemCarriesTheStableTypeUriTheTitleTheStatusAndTheDetail() {
		ProblemDetail problem = SampleProblem.THROTTLED.problem("3 requests over the limit");

		assertThat(problem.getType()).isEqualTo(URI.create("urn:logpipe:problem:throttled"));
		assertThat(problem.getTitle()).isEqualTo("Slow down");
		assertThat(problem.getStatus()).isEqualTo(429);
		assertThat(problem.getDetail()).isEqualTo("3 requests over the limit");
	}

}
