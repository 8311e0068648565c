package io.logpipe.indexer.admin;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

import io.logpipe.common.id.Sha256;
import io.logpipe.service.problem.ProblemException;
import io.logpipe.service.problem.UnauthenticatedException;

/**
 * Guards {@code /admin/**}: checks the {@code Authorization: Bearer <token>} header
 * against the configured SHA-256 hash, in constant time, before the request body is read.
 * Its exceptions reach {@link AdminProblemResponses} like the controller's.
 */
@Component
class AdminToken implements HandlerInterceptor {

	private static final String BEARER = "Bearer ";

	private final byte[] expectedHash;

	private final AdminLockout lockout;

	AdminToken(AdminProperties properties, AdminLockout lockout) {
		this.expectedHash = properties.tokenSha256().isEmpty() ? null
				: HexFormat.of().parseHex(properties.tokenSha256().toLowerCase(Locale.ROOT));
		this.lockout = lockout;
	}

	/**
	 * Checks the token unless the caller's address is locked out (429), and counts a
	 * failure against the address for {@link AdminLockout}.
	 */
	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		String address = request.getRemoteAddr();
		this.lockout.checkNotLockedOut(address);
		try {
			check(request.getHeader(HttpHeaders.AUTHORIZATION));
		}
		catch (ProblemException ex) {
			this.lockout.failed(address);
			throw ex;
		}
		this.lockout.succeeded(address);
		return true;
	}

	/**
	 * @throws ProblemException 401 ({@link UnauthenticatedException}) without a bearer
	 * token, 403 when it does not match or no token is configured
	 */
	void check(String authorization) {
		if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
				|| authorization.length() == BEARER.length()) {
			throw new UnauthenticatedException(AdminProblem.UNAUTHENTICATED,
					"send Authorization: Bearer <admin token>");
		}
		if (this.expectedHash == null) {
			throw new ProblemException(AdminProblem.FORBIDDEN,
					"the admin endpoints are disabled: indexer.admin.token-sha256 is not set");
		}
		byte[] hash = Sha256.digest(authorization.substring(BEARER.length()).trim());
		if (!MessageDigest.isEqual(hash, this.expectedHash)) {
			throw new ProblemException(AdminProblem.FORBIDDEN, "the admin token is not valid");
		}
	}

}
