package io.logpipe.chaos;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What ingest-api acknowledged: every id of every 2xx, with the time its events carry
 * (their {@code timestamp}, when the request was first made), the requests not
 * acknowledged yet, and the longest wait for an answer. Written by the load's request
 * threads, read by the scenario.
 */
final class Acknowledgements {

	private final Map<String, Instant> ids = new ConcurrentHashMap<>();

	private final Map<String, Instant> pending = new ConcurrentHashMap<>();

	private final Map<String, String> refused = new ConcurrentHashMap<>();

	private final AtomicLong maxAnswerNanos = new AtomicLong();

	private final AtomicLong partlyRejected = new AtomicLong();

	void pending(String key, Instant created) {
		this.pending.put(key, created);
	}

	void acknowledged(String key, Instant created, List<String> acknowledgedIds, int rejected) {
		acknowledgedIds.forEach((id) -> this.ids.put(id, created));
		if (rejected > 0) {
			this.partlyRejected.incrementAndGet();
		}
		this.pending.remove(key);
	}

	void refused(String key, String why) {
		this.refused.put(key, why);
		this.pending.remove(key);
	}

	void answered(long nanos) {
		this.maxAnswerNanos.accumulateAndGet(nanos, Math::max);
	}

	Set<String> ids() {
		return this.ids.keySet();
	}

	int acknowledged() {
		return this.ids.size();
	}

	/** Acknowledged events that carry a time at or before {@code time}. */
	long acknowledgedUpTo(Instant time) {
		return this.ids.values().stream().filter((created) -> !created.isAfter(time)).count();
	}

	/** Requests made at or before {@code time} and not acknowledged (yet). */
	long pendingUpTo(Instant time) {
		return this.pending.values().stream().filter((created) -> !created.isAfter(time)).count();
	}

	/** Requests never acknowledged: still pending when the load stopped, or refused. */
	int unacknowledged() {
		return this.pending.size() + this.refused.size();
	}

	Map<String, String> refusedRequests() {
		return Map.copyOf(this.refused);
	}

	/** 2xx answers that left some of their events out (none expected). */
	long partlyRejected() {
		return this.partlyRejected.get();
	}

	long maxAnswerMillis() {
		return this.maxAnswerNanos.get() / 1_000_000;
	}

}
