package io.logpipe.common.codec;

/**
 * The bytes on a topic are not the record they should be. Retrying cannot help: the
 * record goes to a dead-letter topic.
 */
public class EventDecodingException extends RuntimeException {

	public EventDecodingException(String message) {
		super(message);
	}

	public EventDecodingException(String message, Throwable cause) {
		super(message, cause);
	}

}
