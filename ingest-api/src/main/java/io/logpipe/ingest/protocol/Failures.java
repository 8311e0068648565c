package io.logpipe.ingest.protocol;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import io.logpipe.ingest.event.EventBatch;
import io.logpipe.ingest.event.Rejection;
import io.logpipe.ingest.metrics.IngestMetrics;
import io.logpipe.service.problem.ProblemException;

/**
 * Turns what a protocol request failed with into a {@link RequestFailure} and counts it
 * by protocol, so that every protocol's error handler only renders.
 */
@Component
public class Failures {

	private final IngestMetrics metrics;

	public Failures(IngestMetrics metrics) {
		this.metrics = metrics;
	}

	/** Classifies and counts a failure (an unauthenticated request included). */
	public RequestFailure of(Protocol protocol, HttpServletRequest request, ProblemException ex) {
		List<Rejection> rejected = EventBatch.rejectedOf(ex);
		this.metrics.failed(protocol, IngestMetrics.endpoint(request), ex.kind(), rejected);
		Map<String, String> headers = new java.util.LinkedHashMap<>(ex.headers());
		// Each protocol states its own challenge.
		headers.remove(HttpHeaders.WWW_AUTHENTICATE);
		return new RequestFailure(ex.kind(), ex.detail(), RequestFailure.isTransient(ex.kind()), Map.copyOf(headers),
				rejected);
	}

}
