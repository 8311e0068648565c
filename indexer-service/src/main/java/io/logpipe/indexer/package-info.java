/**
 * indexer-service: bulk-writes parsed documents into Elasticsearch data streams and
 * commits a Kafka offset only once Elasticsearch confirmed its document (or it reached
 * the dead-letter topic); and answers the tenants' searches and live tails.
 *
 * <table>
 * <caption>Packages</caption>
 * <tr>
 * <th>package</th>
 * <th>what it does</th>
 * </tr>
 * <tr>
 * <td>{@code index}</td>
 * <td>storing a batch: {@code BatchWriter} (per-item retries, then index-dlq through
 * {@code IndexDeadLetters}); one bulk request and the outcome of each of its items
 * ({@code BulkIndexer}, {@code ItemOutcome}); the routing fields of a document
 * ({@code DocumentKeys}) and data stream names; a tenant's bound on services, the rest in
 * its overflow stream ({@code ServiceStreams}); readiness while writes fail
 * ({@code IndexingHealth}); the indexer's meters ({@code IndexingMetrics})</td>
 * </tr>
 * <tr>
 * <td>{@code template}</td>
 * <td>the component and index templates, per-tenant retention and the log-metrics
 * template ({@code IndexTemplates}, upgraded by version); installing them, with back-off,
 * before indexing starts ({@code TemplateInstallation}) and readiness until then
 * ({@code IndexTemplatesHealth})</td>
 * </tr>
 * <tr>
 * <td>{@code kafka}</td>
 * <td>only Kafka: the batch listeners of parsed-logs ({@code ParsedDocumentListener}) and
 * log-metrics ({@code LogMetricsListener}), started once the templates are installed
 * ({@code ListenerStartup}); the dead-letter topic and the container's error handler
 * ({@code IndexerKafkaConfiguration})</td>
 * </tr>
 * <tr>
 * <td>{@code admin}</td>
 * <td>{@code POST /admin/replay}: rewinds the consumer group to a timestamp;
 * {@code POST /admin/dead-letters/replay}: sends the dead letters of logs-dlq and
 * index-dlq back to their stage, filtered ({@code DeadLetterFilter}), each once
 * ({@code DeadLetterReplay}, {@code ReplayedMarks}); the admin token check and its
 * problem details</td>
 * </tr>
 * <tr>
 * <td>{@code search}</td>
 * <td>the read side, per tenant by API key ({@code logpipe.auth.keys}):
 * {@code GET /api/v1/search} ({@code LogSearch}, through spring-data-elasticsearch), the
 * filters and time ranges it shares with the tail, the read side's problem details, and
 * the page at {@code /ui/}</td>
 * </tr>
 * <tr>
 * <td>{@code tail}</td>
 * <td>{@code GET /api/v1/tail}: one group-less consumer of parsed-logs per instance
 * ({@code ParsedLogsTail}) fanning documents out ({@code TailHub}) to bounded per-reader
 * queues ({@code TailSubscriber}) written as Server-Sent Events</td>
 * </tr>
 * </table>
 */
package io.logpipe.indexer;
