package io.logpipe.chaos;

import java.util.List;
import java.util.Map;

/**
 * One scenario's line of the report.
 *
 * @param scenario the scenario's number and key, e.g. {@code 4-elasticsearch-freeze}
 * @param title what was done
 * @param acked events ingest-api acknowledged
 * @param lost acknowledged events not in Elasticsearch
 * @param duplicated documents beyond one per acknowledged event
 * @param recoverySeconds from the end of the fault until every event acknowledged with a
 * time up to then was stored; null when that did not happen within the catch-up time
 * @param maxAnswerMillis the longest any request attempt waited for its answer
 * @param unacknowledged requests never acknowledged (still failing at the end, or
 * refused)
 * @param answers how the request attempts ended: HTTP status, {@code io_error},
 * {@code unanswered}
 * @param notes what the scenario saw
 * @param failures why it failed; empty when it passed
 */
record ScenarioResult(String scenario, String title, long acked, long lost, long duplicated, Double recoverySeconds,
		long maxAnswerMillis, long unacknowledged, Map<String, Long> answers, List<String> notes,
		List<String> failures) {

	boolean passed() {
		return this.failures.isEmpty();
	}

}
