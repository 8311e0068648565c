/**
 * What the benchmark and the chaos runner share to talk to the local runtime's servers:
 * {@code ElasticsearchHttp}, Elasticsearch's REST API with bounded waits.
 */
package io.logpipe.stack;
