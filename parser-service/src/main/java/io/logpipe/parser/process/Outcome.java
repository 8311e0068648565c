package io.logpipe.parser.process;

import io.logpipe.common.event.LogDocument;
import io.logpipe.parser.parse.ParseResult;

/**
 * What becomes of one raw record.
 *
 * @param document the document to write, or {@code null} when a rule dropped it
 * @param topic the topic a rule routed it to, or {@code null} for parsed-logs
 * @param failure the parse failure, whose copy goes to the dead-letter topic, or
 * {@code null}
 * @param droppedBy the rule that dropped it, or {@code null}
 */
public record Outcome(LogDocument document, String topic, ParseResult.Failure failure, String droppedBy) {
}
