package io.logpipe.ingest.problem;

import java.net.URI;

import org.springframework.http.HttpStatus;

/**
 * Every error ingest-api answers with, each with a stable {@code type} URI that clients
 * may switch on (RFC 9457). The README lists them with examples.
 */
public enum ProblemType {

	MALFORMED_BODY("malformed-body", HttpStatus.BAD_REQUEST, "Malformed request body"),

	INVALID_EVENT("invalid-event", HttpStatus.BAD_REQUEST, "Invalid event"),

	NO_VALID_EVENTS("no-valid-events", HttpStatus.BAD_REQUEST, "No valid event in the request"),

	INVALID_CATEGORY("invalid-category", HttpStatus.BAD_REQUEST, "Unknown category"),

	UNAUTHENTICATED("unauthenticated", HttpStatus.UNAUTHORIZED, "Authentication required"),

	CATEGORY_FORBIDDEN("category-forbidden", HttpStatus.FORBIDDEN, "Category not allowed for this key"),

	KAFKA_UNAVAILABLE("kafka-unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Kafka did not acknowledge the events");

	private static final String PREFIX = "urn:logpipe:problem:";

	private final String slug;

	private final HttpStatus status;

	private final String title;

	ProblemType(String slug, HttpStatus status, String title) {
		this.slug = slug;
		this.status = status;
		this.title = title;
	}

	public URI uri() {
		return URI.create(PREFIX + this.slug);
	}

	public HttpStatus status() {
		return this.status;
	}

	public String title() {
		return this.title;
	}

}
