package io.logpipe.service.problem;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ProblemResponsesTests {

	private static final ProblemKind THROTTLED = new ProblemKind.Definition("throttled", HttpStatus.TOO_MANY_REQUESTS,
			"Slow down");

	private static final ProblemKind UNAUTHENTICATED = new ProblemKind.Definition("unauthenticated",
			HttpStatus.UNAUTHORIZED, "Who are you");

	private final List<ProblemException> answered = new ArrayList<>();

	private final ProblemResponses responses = new ProblemResponses() {

		@Override
		protected void answered(ProblemException ex) {
			ProblemResponsesTests.this.answered.add(ex);
		}

	};

	@Test
	void answersWithTheKindsProblemTheDetailTheExtraMembersAndTheHeaders() {
		ProblemException ex = new ProblemException(THROTTLED, "3 requests over the limit")
			.withMember("limit", "app.max-requests")
			.withMember("limitValue", "10")
			.withRetryAfter(7)
			.withHeaders(Map.of("RateLimit-Limit", "10"));

		ResponseEntity<ProblemDetail> response = this.responses.problem(ex);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("7");
		assertThat(response.getHeaders().getFirst("RateLimit-Limit")).isEqualTo("10");
		ProblemDetail problem = response.getBody();
		assertThat(problem.getType()).isEqualTo(URI.create("urn:logpipe:problem:throttled"));
		assertThat(problem.getTitle()).isEqualTo("Slow down");
		assertThat(problem.getStatus()).isEqualTo(429);
		assertThat(problem.getDetail()).isEqualTo("3 requests over the limit");
		assertThat(problem.getProperties()).containsExactly(Map.entry("limit", "app.max-requests"),
				Map.entry("limitValue", "10"));
		assertThat(this.answered).containsExactly(ex);
	}

	@Test
	void challengesForABearerTokenOnEvery401() {
		ResponseEntity<ProblemDetail> response = this.responses
			.problem(new UnauthenticatedException(UNAUTHENTICATED, "send a token"));

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(response.getHeaders().getFirst("WWW-Authenticate")).isEqualTo("Bearer");
		assertThat(response.getBody().getType()).isEqualTo(URI.create("urn:logpipe:problem:unauthenticated"));
		assertThat(response.getBody().getProperties()).isNullOrEmpty();
	}

	@Test
	void refusesAnUnauthenticatedExceptionOfAKindThatIsNot401() {
		assertThatIllegalArgumentException().isThrownBy(() -> new UnauthenticatedException(THROTTLED, "send a token"));
	}

}
