package io.logpipe.indexer.admin;

import java.net.URI;

import org.springframework.http.HttpStatus;

/** The stable problem types of the admin endpoints (RFC 9457 {@code type}). */
enum AdminProblem {

	UNAUTHENTICATED("unauthenticated", HttpStatus.UNAUTHORIZED, "Admin token required"),

	FORBIDDEN("forbidden", HttpStatus.FORBIDDEN, "Admin token not accepted"),

	INVALID_REPLAY("invalid-replay", HttpStatus.BAD_REQUEST, "Invalid replay request"),

	GROUP_NOT_EMPTY("consumer-group-not-empty", HttpStatus.CONFLICT, "Other members of the consumer group are running"),

	KAFKA_UNAVAILABLE("kafka-unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Kafka did not answer");

	private static final String PREFIX = "urn:logpipe:problem:";

	private final String slug;

	private final HttpStatus status;

	private final String title;

	AdminProblem(String slug, HttpStatus status, String title) {
		this.slug = slug;
		this.status = status;
		this.title = title;
	}

	URI uri() {
		return URI.create(PREFIX + this.slug);
	}

	HttpStatus status() {
		return this.status;
	}

	String title() {
		return this.title;
	}

}
