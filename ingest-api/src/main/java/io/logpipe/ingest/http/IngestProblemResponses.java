package io.logpipe.ingest.http;

import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.logpipe.ingest.event.EventBatch;
import io.logpipe.ingest.metrics.IngestMetrics;
import io.logpipe.service.problem.ProblemException;
import io.logpipe.service.problem.ProblemResponses;

/**
 * Ingest's failures as problem details (the suite's {@link ProblemResponses}), for every
 * endpoint of ingest-api, each failed request counted by its problem type and each event
 * of a request that had none accepted counted by its reason.
 */
@RestControllerAdvice
class IngestProblemResponses extends ProblemResponses {

	private final IngestMetrics metrics;

	IngestProblemResponses(IngestMetrics metrics) {
		this.metrics = metrics;
	}

	@Override
	protected void answered(ProblemException ex) {
		this.metrics.failed(ex.kind(), EventBatch.rejectedOf(ex));
	}

}
