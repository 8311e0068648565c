package io.logpipe.indexer.search;

import org.springframework.http.HttpStatus;

import io.logpipe.service.problem.ProblemKind;

/** The stable problem types of the search and tail API (RFC 9457 {@code type}). */
public enum SearchProblem implements ProblemKind {

	/** No key or an unknown key: the same answer for both. */
	UNAUTHENTICATED("unauthenticated", HttpStatus.UNAUTHORIZED, "API key required"),

	/** A parameter that is not what its name says: a time, a size, a cursor. */
	INVALID_PARAMETER("invalid-search-parameter", HttpStatus.BAD_REQUEST, "Invalid search parameter"),

	/** The range is wider than {@code indexer.search.max-range}. */
	RANGE_TOO_WIDE("range-too-wide", HttpStatus.BAD_REQUEST, "Time range too wide"),

	/** Elasticsearch cannot parse the query string, or refuses it (leading wildcard). */
	INVALID_QUERY("invalid-query", HttpStatus.BAD_REQUEST, "Invalid query"),

	/** The tenant or this instance has as many live tails open as allowed. */
	TOO_MANY_TAILS("too-many-tails", HttpStatus.TOO_MANY_REQUESTS, "Too many live tails"),

	/** The tail's consumer has not yet found the end of parsed-logs. */
	TAIL_UNAVAILABLE("tail-unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Live tail not ready"),

	/** Elasticsearch did not answer, or failed. */
	ELASTICSEARCH_UNAVAILABLE("elasticsearch-unavailable", HttpStatus.SERVICE_UNAVAILABLE,
			"Elasticsearch did not answer");

	private final Definition definition;

	SearchProblem(String slug, HttpStatus status, String title) {
		this.definition = new Definition(slug, status, title);
	}

	@Override
	public Definition definition() {
		return this.definition;
	}

}
