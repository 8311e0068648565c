package io.logpipe.service.problem;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * The one place where a {@link ProblemException} becomes its answer: the kind's problem
 * details with the exception's detail, extra members and headers. A service extends it
 * with a {@code @RestControllerAdvice} (scoped to its controllers where it shares the
 * application with others) and overrides {@link #answered} to count its failures.
 *
 * <p>
 * Spring's own errors (unsupported media type, wrong method) are problem details too,
 * with {@code spring.mvc.problemdetails.enabled}.
 */
public abstract class ProblemResponses {

	@ExceptionHandler
	public ResponseEntity<ProblemDetail> problem(ProblemException ex) {
		ProblemDetail problem = ex.kind().problem(ex.detail());
		ex.members().forEach(problem::setProperty);
		ResponseEntity.BodyBuilder response = ResponseEntity.status(ex.status());
		ex.headers().forEach(response::header);
		answered(ex);
		return response.body(problem);
	}

	/** Called for every problem answered; does nothing unless a service overrides it. */
	protected void answered(ProblemException ex) {
	}

}
