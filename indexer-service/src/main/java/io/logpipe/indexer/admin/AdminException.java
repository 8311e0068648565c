package io.logpipe.indexer.admin;

/** An admin request that fails with one of the {@link AdminProblem} types. */
class AdminException extends RuntimeException {

	private final AdminProblem problem;

	AdminException(AdminProblem problem, String detail) {
		super(detail);
		this.problem = problem;
	}

	AdminException(AdminProblem problem, String detail, Throwable cause) {
		super(detail, cause);
		this.problem = problem;
	}

	AdminProblem problem() {
		return this.problem;
	}

}
