package io.logpipe.indexer.admin;

import org.springframework.http.HttpStatus;

import io.logpipe.service.problem.ProblemKind;

/**
 * The stable problem types of the admin endpoints (RFC 9457 {@code type}), thrown as
 * {@link io.logpipe.service.problem.ProblemException}.
 */
enum AdminProblem implements ProblemKind {

	UNAUTHENTICATED("unauthenticated", HttpStatus.UNAUTHORIZED, "Admin token required"),

	FORBIDDEN("forbidden", HttpStatus.FORBIDDEN, "Admin token not accepted"),

	LOCKED_OUT("locked-out", HttpStatus.TOO_MANY_REQUESTS, "Too many failed admin attempts from this address"),

	INVALID_REPLAY("invalid-replay", HttpStatus.BAD_REQUEST, "Invalid replay request"),

	GROUP_NOT_EMPTY("consumer-group-not-empty", HttpStatus.CONFLICT, "Other members of the consumer group are running"),

	KAFKA_UNAVAILABLE("kafka-unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Kafka did not answer");

	private final Definition definition;

	AdminProblem(String slug, HttpStatus status, String title) {
		this.definition = new Definition(slug, status, title);
	}

	@Override
	public Definition definition() {
		return this.definition;
	}

}
