package io.logpipe.ingest.http;

import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import io.logpipe.ingest.event.EventBatch;
import io.logpipe.ingest.metrics.IngestMetrics;
import io.logpipe.ingest.protocol.Protocol;
import io.logpipe.service.problem.ProblemException;
import io.logpipe.service.problem.ProblemResponses;

/**
 * Ingest's failures as problem details (the suite's {@link ProblemResponses}), for the
 * native endpoints of ingest-api, each failed request counted by its problem type and
 * each event of a request that had none accepted counted by its reason. The shipper
 * protocols answer in their own shapes, from their own, higher-ranked advice.
 */
@RestControllerAdvice
class IngestProblemResponses extends ProblemResponses {

	private final IngestMetrics metrics;

	IngestProblemResponses(IngestMetrics metrics) {
		this.metrics = metrics;
	}

	@Override
	protected void answered(ProblemException ex) {
		String endpoint = (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request)
				? IngestMetrics.endpoint(request.getRequest()) : IngestMetrics.LOGS_ENDPOINT;
		this.metrics.failed(Protocol.NATIVE, endpoint, ex.kind(), EventBatch.rejectedOf(ex));
	}

}
