package io.logpipe.ingest.event;

import java.net.URI;

import com.fasterxml.jackson.annotation.JsonIgnore;

import io.logpipe.service.problem.ProblemException;

/**
 * Why one event of a request was not accepted.
 *
 * @param index the event's position in the request, from 0
 * @param type the stable problem type
 * @param detail what is wrong, for a human
 */
public record Rejection(int index, URI type, String detail) {

	static Rejection of(int index, ProblemException problem) {
		return new Rejection(index, problem.kind().uri(), problem.detail());
	}

	/** The last part of the type, as a metric tag. */
	@JsonIgnore
	public String reason() {
		String type = this.type.toString();
		return type.substring(type.lastIndexOf(':') + 1);
	}

}
