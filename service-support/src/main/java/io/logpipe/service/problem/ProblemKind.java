package io.logpipe.service.problem;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A kind of error a logpipe service answers with, as RFC 9457 problem details whose
 * {@code type} is the stable URI {@code urn:logpipe:problem:<slug>}: clients switch on
 * it, so a slug never changes meaning. Each service lists its kinds in an enum that
 * implements this by holding one {@link Definition} per constant, so the enums repeat no
 * accessors.
 */
public interface ProblemKind {

	/** What every logpipe problem type starts with. */
	String TYPE_PREFIX = "urn:logpipe:problem:";

	/**
	 * What identifies a kind.
	 *
	 * @param slug the type URI's last part
	 * @param status the HTTP status it answers with
	 * @param title the same for every problem of this kind; {@code detail} says what
	 * happened
	 */
	record Definition(String slug, HttpStatus status, String title) implements ProblemKind {

		@Override
		public Definition definition() {
			return this;
		}

	}

	Definition definition();

	/** The type URI's last part. */
	default String slug() {
		return definition().slug();
	}

	default HttpStatus status() {
		return definition().status();
	}

	/** The same for every problem of this kind; {@code detail} says what happened. */
	default String title() {
		return definition().title();
	}

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
