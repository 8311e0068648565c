package io.logpipe.ingest.admission;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every ingest endpoint (the native API and the shippers' protocols) a body that
 * must arrive in time ({@link PacedInputStream}), whoever reads it. The actuator's
 * endpoints take no bodies worth pacing and are left alone.
 */
@Component
class PacedBodyFilter extends OncePerRequestFilter {

	private final ClientLimitsProperties limits;

	PacedBodyFilter(ClientLimitsProperties limits) {
		this.limits = limits;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return request.getRequestURI().startsWith("/actuator/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(new PacedRequest(request), response);
	}

	private final class PacedRequest extends HttpServletRequestWrapper {

		private PacedInputStream body;

		PacedRequest(HttpServletRequest request) {
			super(request);
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.body == null) {
				this.body = new PacedInputStream(super.getInputStream(), PacedBodyFilter.this.limits, System::nanoTime);
			}
			return this.body;
		}

	}

}
