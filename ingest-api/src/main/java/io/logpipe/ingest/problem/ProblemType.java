package io.logpipe.ingest.problem;

import org.springframework.http.HttpStatus;

import io.logpipe.service.problem.ProblemKind;

/**
 * Every error ingest-api answers with, each with a stable {@code type} URI that clients
 * may switch on (RFC 9457). The README lists them with examples. They are thrown as
 * {@link io.logpipe.service.problem.ProblemException}.
 */
public enum ProblemType implements ProblemKind {

	MALFORMED_BODY("malformed-body", HttpStatus.BAD_REQUEST, "Malformed request body"),

	INVALID_EVENT("invalid-event", HttpStatus.BAD_REQUEST, "Invalid event"),

	NO_VALID_EVENTS("no-valid-events", HttpStatus.BAD_REQUEST, "No valid event in the request"),

	INVALID_CATEGORY("invalid-category", HttpStatus.BAD_REQUEST, "Unknown category"),

	EVENT_TOO_LARGE("event-too-large", HttpStatus.BAD_REQUEST, "Event over the size limit"),

	EVENT_TOO_COMPLEX("event-too-complex", HttpStatus.BAD_REQUEST, "Event over the field count or depth limit"),

	BODY_TOO_LARGE("body-too-large", HttpStatus.CONTENT_TOO_LARGE, "Request body over the size limit"),

	TOO_MANY_EVENTS("too-many-events", HttpStatus.CONTENT_TOO_LARGE, "Too many events in one request"),

	UNSUPPORTED_ENCODING("unsupported-encoding", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported Content-Encoding"),

	UNAUTHENTICATED("unauthenticated", HttpStatus.UNAUTHORIZED, "Authentication required"),

	CATEGORY_FORBIDDEN("category-forbidden", HttpStatus.FORBIDDEN, "Category not allowed for this key"),

	RATE_LIMITED("rate-limited", HttpStatus.TOO_MANY_REQUESTS, "Rate limit of this API key exceeded"),

	ADDRESS_BUSY("address-busy", HttpStatus.TOO_MANY_REQUESTS, "Too many requests in flight from this address"),

	REQUEST_TIMEOUT("request-timeout", HttpStatus.REQUEST_TIMEOUT, "Request body not received in time"),

	OVERLOADED("overloaded", HttpStatus.TOO_MANY_REQUESTS, "Ingest is at its in-flight byte limit"),

	KAFKA_UNAVAILABLE("kafka-unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Kafka did not acknowledge the events");

	private final Definition definition;

	ProblemType(String slug, HttpStatus status, String title) {
		this.definition = new Definition(slug, status, title);
	}

	/** The slug is also the {@code reason} tag of ingest's metrics. */
	@Override
	public Definition definition() {
		return this.definition;
	}

}
