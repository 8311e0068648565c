package io.logpipe.ingest.protocol;

import java.util.List;

/** A protocol's reading of a decoded request body into its items. */
@FunctionalInterface
public interface BodyParser {

	/**
	 * @param body the body, {@code Content-Encoding} already decoded and within
	 * {@code ingest.limits.max-body-size}; may be empty
	 * @return the items in request order
	 * @throws io.logpipe.service.problem.ProblemException (or a protocol's own exception)
	 * when the body as a whole cannot be read: nothing is published then
	 */
	List<ProtocolItem> parse(byte[] body);

}
