package io.logpipe.indexer.search;

/** A search or tail request that fails with one of the {@link SearchProblem} types. */
public class SearchException extends RuntimeException {

	private final SearchProblem problem;

	public SearchException(SearchProblem problem, String detail) {
		super(detail);
		this.problem = problem;
	}

	public SearchException(SearchProblem problem, String detail, Throwable cause) {
		super(detail, cause);
		this.problem = problem;
	}

	public SearchProblem problem() {
		return this.problem;
	}

}
