package io.logpipe.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.logpipe.stack.ElasticsearchHttp;

/**
 * What a fault acts on and where it writes what it saw: notes for the report, failures
 * that fail the scenario, and the moment the fault ended (the component restarted or
 * resumed), from which recovery is timed.
 */
final class FaultContext {

	private final LocalStack stack;

	private final ElasticsearchHttp elasticsearch;

	private final Readiness readiness;

	private final ChaosMode mode;

	private final List<String> notes = new ArrayList<>();

	private final List<String> failures = new ArrayList<>();

	private volatile Instant ended;

	FaultContext(LocalStack stack, ElasticsearchHttp elasticsearch, Readiness readiness, ChaosMode mode) {
		this.stack = stack;
		this.elasticsearch = elasticsearch;
		this.readiness = readiness;
		this.mode = mode;
	}

	LocalStack stack() {
		return this.stack;
	}

	ElasticsearchHttp elasticsearch() {
		return this.elasticsearch;
	}

	Readiness readiness() {
		return this.readiness;
	}

	ChaosMode mode() {
		return this.mode;
	}

	void note(String note) {
		this.notes.add(note);
	}

	void fail(String failure) {
		this.failures.add(failure);
	}

	List<String> notes() {
		return this.notes;
	}

	List<String> failures() {
		return this.failures;
	}

	/** The fault is over: what it hit is restarting or resuming now. */
	void ended() {
		this.ended = Instant.now();
	}

	Instant endedAt() {
		return this.ended;
	}

	static void hold(Duration duration) throws InterruptedException {
		Thread.sleep(duration);
	}

}
