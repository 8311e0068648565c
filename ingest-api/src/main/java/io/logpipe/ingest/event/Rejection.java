package io.logpipe.ingest.event;

import java.net.URI;

import io.logpipe.ingest.problem.ProblemType;

/**
 * Why one event of a request was not accepted.
 *
 * @param index the event's position in the request, from 0
 * @param type the stable problem type
 * @param detail what is wrong, for a human
 */
public record Rejection(int index, URI type, String detail) {

	static Rejection of(int index, ProblemType type, String detail) {
		return new Rejection(index, type.uri(), detail);
	}

}
