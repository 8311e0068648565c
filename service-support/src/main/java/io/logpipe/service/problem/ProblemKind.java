package io.logpipe.service.problem;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A kind of error a logpipe service answers with, as RFC 9457 problem details whose
 * {@code type} is the stable URI {@code urn:logpipe:problem:<slug>}: clients switch on
 * it, so a slug never changes meaning. Each service lists its kinds in an enum that
 * implements this.
 */
public interface ProblemKind {

	/** What every logpipe problem type starts with. */
	String TYPE_PREFIX = "urn:logpipe:problem:";

	/** The type URI's last part. */
	String slug();

	HttpStatus status();

	/** The same for every problem of this kind; {@code detail} says what happened. */
	String title();

	default URI uri() {
		return URI.create(TYPE_PREFIX + slug());
	}

	/** The problem details of this kind, with {@code detail} for this occurrence. */
	default ProblemDetail problem(String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status(), detail);
		problem.setType(uri());
		problem.setTitle(title());
		return problem;
	}

}
