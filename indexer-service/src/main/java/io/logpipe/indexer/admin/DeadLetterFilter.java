package io.logpipe.indexer.admin;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.logpipe.common.topic.DeadLetterHeaders;
import io.logpipe.service.problem.ProblemException;

/**
 * Which dead letters a replay takes; every part left out takes all.
 *
 * @param reason the error type ({@code format-mismatch},
 * {@code document_parsing_exception}) or the reason's first word ({@code rolled-back},
 * {@code parse-failure}), ignoring case
 * @param stage {@code parse} or {@code index}
 * @param from dead-lettered at or after this
 * @param to dead-lettered before this
 */
record DeadLetterFilter(String reason, String stage, Instant from, Instant to) {

	static final Set<String> STAGES = Set.of(DeadLetterHeaders.STAGE_PARSE, DeadLetterHeaders.STAGE_INDEX);

	static final String USAGE = "send {\"reason\"?: \"format-mismatch\", \"stage\"?: \"parse\" or \"index\", "
			+ "\"from\"?: \"2026-11-21T10:00:00Z\", \"to\"?: \"2026-11-22T10:00:00Z\", \"dry_run\"?: true}; "
			+ "{} replays every dead letter";

	static final String DRY_RUN = "dry_run";

	private static final Set<String> FIELDS = Set.of("reason", "stage", "from", "to", DRY_RUN);

	/** Longer than any error type or reason word we write. */
	private static final int MAX_REASON_LENGTH = 200;

	/**
	 * Reads the filter of a replay request's body, which must name only the fields of
	 * {@link #USAGE}, each a string.
	 * @throws ProblemException 400 {@link AdminProblem#INVALID_REPLAY} naming the field
	 * that is wrong
	 */
	static DeadLetterFilter of(Map<String, Object> body) {
		for (String field : body.keySet()) {
			if (!FIELDS.contains(field)) {
				throw invalid("unknown field '" + field + "'");
			}
		}
		String reason = text(body, "reason");
		if (reason != null && (reason.isBlank() || reason.length() > MAX_REASON_LENGTH)) {
			throw invalid("reason must be an error type or reason word of 1 to " + MAX_REASON_LENGTH + " characters");
		}
		String stage = text(body, "stage");
		if (stage != null && !STAGES.contains(stage)) {
			throw invalid("stage must be \"" + DeadLetterHeaders.STAGE_PARSE + "\" or \""
					+ DeadLetterHeaders.STAGE_INDEX + "\", was " + shown(stage));
		}
		Instant from = instant(body, "from");
		Instant to = instant(body, "to");
		if (from != null && to != null && from.isAfter(to)) {
			throw invalid("from (" + from + ") is after to (" + to + ")");
		}
		return new DeadLetterFilter(reason, stage, from, to);
	}

	/** {@code dry_run}: true, false or left out (false). */
	static boolean dryRun(Map<String, Object> body) {
		Object value = body.get(DRY_RUN);
		if (value == null || value instanceof Boolean) {
			return Boolean.TRUE.equals(value);
		}
		throw invalid("dry_run must be true or false");
	}

	boolean matches(DeadLetter deadLetter) {
		return (this.stage == null || this.stage.equals(deadLetter.stage()))
				&& (this.reason == null || reasonMatches(deadLetter))
				&& (this.from == null || !deadLetter.time().isBefore(this.from))
				&& (this.to == null || deadLetter.time().isBefore(this.to));
	}

	private boolean reasonMatches(DeadLetter deadLetter) {
		String wanted = this.reason.toLowerCase(Locale.ROOT);
		return deadLetter.errorType().toLowerCase(Locale.ROOT).equals(wanted)
				|| deadLetter.reason().toLowerCase(Locale.ROOT).startsWith(wanted + ":");
	}

	private static String text(Map<String, Object> body, String field) {
		Object value = body.get(field);
		if (value == null || value instanceof String) {
			return (String) value;
		}
		throw invalid(field + " must be a string");
	}

	private static Instant instant(Map<String, Object> body, String field) {
		String value = text(body, field);
		if (value == null) {
			return null;
		}
		try {
			return Instant.parse(value);
		}
		catch (DateTimeException ex) {
			throw invalid(field + " must be an ISO-8601 instant such as 2026-11-21T10:00:00Z, was " + shown(value));
		}
	}

	/**
	 * A client's value in quotes, cut short so that an error cannot echo a whole body.
	 */
	private static String shown(String value) {
		return "\"" + ((value.length() > 64) ? value.substring(0, 64) + "..." : value) + "\"";
	}

	private static ProblemException invalid(String detail) {
		return new ProblemException(AdminProblem.INVALID_REPLAY, detail + "; " + USAGE);
	}

}
