/**
 * ingest-api: accepts log events over HTTP and hands them to Kafka durably.
 *
 * <table>
 * <caption>Packages</caption>
 * <tr>
 * <th>package</th>
 * <th>what it does</th>
 * </tr>
 * <tr>
 * <td>{@code auth}</td>
 * <td>API keys (stored as SHA-256 hashes) and the tenant each belongs to; the credential
 * schemes each protocol accepts them in</td>
 * </tr>
 * <tr>
 * <td>{@code admission}</td>
 * <td>turning requests away before their body is read: per-key token buckets and the cap
 * on bytes in flight (429)</td>
 * </tr>
 * <tr>
 * <td>{@code http}</td>
 * <td>the {@code /api/v1/logs} endpoint, the advice that answers every ingest endpoint's
 * errors as problem details and counts them, and the OpenAPI document</td>
 * </tr>
 * <tr>
 * <td>{@code body}</td>
 * <td>reading a request body within its size limit, decoding gzip, deflate, zstd and
 * snappy as it streams</td>
 * </tr>
 * <tr>
 * <td>{@code event}</td>
 * <td>reading a body into records ({@code EventBatchReader}): splitting it (JSON, NDJSON,
 * text lines) into events, checking each against the event limits, mapping it to a
 * {@link io.logpipe.common.event.RawLogRecord} or a rejection with its reason, and
 * choosing its category (routing rules)</td>
 * </tr>
 * <tr>
 * <td>{@code protocol}</td>
 * <td>the seam every shipper protocol goes through (credentials, limits, admission,
 * routing, mapping, Kafka acknowledgement, failure classification); its sub-packages
 * speak each protocol: {@code elasticsearch} ({@code _bulk}, {@code _doc} and the
 * probes), {@code splunk} (HEC)</td>
 * </tr>
 * <tr>
 * <td>{@code problem}</td>
 * <td>ingest's problem types ({@code ProblemType}), thrown as service-support's
 * {@code ProblemException}; depends on no other ingest package</td>
 * </tr>
 * <tr>
 * <td>{@code metrics}</td>
 * <td>the meters operators watch</td>
 * </tr>
 * <tr>
 * <td>{@code kafka}</td>
 * <td>publishing to the raw topics and waiting for Kafka's acknowledgement</td>
 * </tr>
 * </table>
 */
package io.logpipe.ingest;
