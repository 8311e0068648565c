package io.logpipe.indexer.admin;

import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import io.logpipe.service.problem.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AdminTokenTests {

	// SHA-256 of "replay-secret"
	private static final String HASH = "1db3e293bfe35dc81be136134f1187271bb3d77e0329345bb96b0d3638899402";

	private final AdminLockout lockout = new AdminLockout(
			new AdminLockoutProperties(2, Duration.ofMinutes(1), Duration.ofMinutes(5)), Clock.systemUTC());

	private final AdminToken token = new AdminToken(new AdminProperties(HASH, Duration.ofSeconds(30)), this.lockout);

	@Test
	void acceptsTheTokenWhoseHashIsConfigured() {
		assertThatCode(() -> this.token.check("Bearer replay-secret")).doesNotThrowAnyException();
	}

	@Test
	void answers401WithoutABearerToken() {
		assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> this.token.check(null))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(AdminProblem.UNAUTHENTICATED));
		assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> this.token.check("Basic abc"))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(AdminProblem.UNAUTHENTICATED));
	}

	@Test
	void answers403ForAnotherToken() {
		assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> this.token.check("Bearer guess"))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(AdminProblem.FORBIDDEN));
	}

	@Test
	void answers403ForEveryTokenWhenNoHashIsConfigured() {
		AdminToken disabled = new AdminToken(new AdminProperties("", Duration.ofSeconds(30)), this.lockout);
		assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> disabled.check("Bearer replay-secret"))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(AdminProblem.FORBIDDEN));
	}

	@Test
	void locksOutAnAddressThatKeepsFailingEvenForTheRightTokenWhileOthersGetIn() {
		for (String wrong : new String[] { null, "Bearer guess", "Bearer guess-again" }) {
			assertThatExceptionOfType(ProblemException.class).isThrownBy(
					() -> this.token.preHandle(request("192.0.2.7", wrong), new MockHttpServletResponse(), null));
		}

		assertThatExceptionOfType(ProblemException.class)
			.isThrownBy(() -> this.token.preHandle(request("192.0.2.7", "Bearer replay-secret"),
					new MockHttpServletResponse(), null))
			.satisfies((ex) -> {
				assertThat(ex.kind()).isEqualTo(AdminProblem.LOCKED_OUT);
				assertThat(ex.headers()).containsEntry("Retry-After", "60");
			});
		assertThat(
				this.token.preHandle(request("192.0.2.8", "Bearer replay-secret"), new MockHttpServletResponse(), null))
			.isTrue();
	}

	private static MockHttpServletRequest request(String address, String authorization) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/admin/replay");
		request.setRemoteAddr(address);
		if (authorization != null) {
			request.addHeader("Authorization", authorization);
		}
		return request;
	}

}
