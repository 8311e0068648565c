package io.logpipe.indexer.admin;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The one place where admin failures become RFC 9457 problem details. */
@RestControllerAdvice(assignableTypes = ReplayController.class)
class AdminProblemResponses {

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ex) {
		return adminFailure(new AdminException(AdminProblem.INVALID_REPLAY,
				"the body is not a replay request: " + ReplayController.USAGE, ex));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> adminFailure(AdminException ex) {
		ProblemDetail problem = ex.problem().problem(ex.getMessage());
		ResponseEntity.BodyBuilder response = ResponseEntity.status(ex.problem().status());
		if (ex.problem() == AdminProblem.UNAUTHENTICATED) {
			response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		}
		return response.body(problem);
	}

}
