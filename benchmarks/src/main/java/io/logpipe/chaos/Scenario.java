package io.logpipe.chaos;

/**
 * One fault of issue 12, injected while the steady load runs.
 *
 * @param number its number in the list
 * @param key a stable name for the report
 * @param title what is done, for the report
 * @param fault what is done to the stack
 */
record Scenario(int number, String key, String title, Fault fault) {

	/** Injects the fault and ends it (restarts or resumes what it hit). */
	@FunctionalInterface
	interface Fault {

		void inject(FaultContext context) throws Exception;

	}

}
