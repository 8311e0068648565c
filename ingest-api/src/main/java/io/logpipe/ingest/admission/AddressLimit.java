package io.logpipe.ingest.admission;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

import io.logpipe.ingest.problem.ProblemType;
import io.logpipe.service.problem.ProblemException;

/**
 * Caps the requests one remote address has in flight ({@code
 * ingest.clients.max-requests-per-address}), checked before the body is read, so that one
 * host opening hundreds of slow requests is turned away while others are served.
 *
 * <p>
 * Thread-safe: a concurrent map of counters; an address's entry is removed when its last
 * request ends, so the map holds only the addresses with requests in flight.
 */
@Component
class AddressLimit implements HandlerInterceptor {

	private static final String COUNTED = AddressLimit.class.getName() + ".counted";

	private final ConcurrentHashMap<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();

	private final ClientLimitsProperties limits;

	AddressLimit(ClientLimitsProperties limits) {
		this.limits = limits;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		String address = request.getRemoteAddr();
		int now = this.inFlight.compute(address, (key, count) -> {
			AtomicInteger counter = (count != null) ? count : new AtomicInteger();
			counter.incrementAndGet();
			return counter;
		}).get();
		if (now > this.limits.maxRequestsPerAddress()) {
			// afterCompletion is not called for the interceptor that threw.
			release(address);
			throw new ProblemException(ProblemType.ADDRESS_BUSY,
					"this address has " + this.limits.maxRequestsPerAddress()
							+ " requests in flight already (ingest.clients.max-requests-per-address)")
				.withRetryAfter(1);
		}
		request.setAttribute(COUNTED, address);
		return true;
	}

	@Override
	public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		if (request.getAttribute(COUNTED) instanceof String address) {
			release(address);
		}
	}

	private void release(String address) {
		this.inFlight.computeIfPresent(address, (key, count) -> (count.decrementAndGet() == 0) ? null : count);
	}

	/** Requests in flight from {@code address}. */
	int inFlight(String address) {
		AtomicInteger count = this.inFlight.get(address);
		return (count != null) ? count.get() : 0;
	}

}
