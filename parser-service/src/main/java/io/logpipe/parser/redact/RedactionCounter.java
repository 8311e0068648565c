package io.logpipe.parser.redact;

/** Told each time a rule redacts something. */
@FunctionalInterface
public interface RedactionCounter {

	void redacted(String rule);

}
