package io.logpipe.indexer.template;

/**
 * Published once the index templates are installed: from then on documents can be written
 * without Elasticsearch guessing their mappings.
 */
public record IndexTemplatesInstalled() {
}
