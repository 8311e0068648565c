package io.logpipe.parser.rules;

import io.logpipe.common.event.LogDocument;

/**
 * What the rules made of a document.
 *
 * @param document the document, or {@code null} when a rule dropped it
 * @param topic the topic a route rule chose, or {@code null} for parsed-logs
 * @param droppedBy the rule that dropped it, or {@code null}
 */
public record RuleOutcome(LogDocument document, String topic, String droppedBy) {

	public boolean dropped() {
		return this.document == null;
	}

}
