package io.logpipe.indexer.admin;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.HandlerMethod;

import io.logpipe.service.problem.ProblemException;
import io.logpipe.service.problem.ProblemResponses;

/**
 * Admin failures as problem details (the suite's {@link ProblemResponses}), scoped to the
 * admin controllers so that the rest of the indexer keeps Spring's defaults. A body that
 * is not a replay request is an admin problem too, with the usage of the endpoint called
 * in its detail.
 */
@RestControllerAdvice(assignableTypes = { ReplayController.class, DeadLetterReplayController.class })
class AdminProblemResponses extends ProblemResponses {

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ex, HandlerMethod handler) {
		String usage = DeadLetterReplayController.class.equals(handler.getBeanType()) ? DeadLetterFilter.USAGE
				: ReplayController.USAGE;
		return problem(
				new ProblemException(AdminProblem.INVALID_REPLAY, "the body is not a replay request: " + usage, ex));
	}

}
