package io.logpipe.indexer.search;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The one place where search and tail failures become RFC 9457 problem details.
 */
@RestControllerAdvice(basePackages = { "io.logpipe.indexer.search", "io.logpipe.indexer.tail" })
class SearchProblemResponses {

	@ExceptionHandler
	ResponseEntity<ProblemDetail> searchFailure(SearchException ex) {
		ProblemDetail problem = ex.problem().problem(ex.getMessage());
		ResponseEntity.BodyBuilder response = ResponseEntity.status(ex.problem().status());
		if (ex.problem() == SearchProblem.UNAUTHENTICATED) {
			response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		}
		if (ex.problem() == SearchProblem.TOO_MANY_TAILS || ex.problem() == SearchProblem.TAIL_UNAVAILABLE) {
			response.header(HttpHeaders.RETRY_AFTER, "5");
		}
		return response.body(problem);
	}

}
