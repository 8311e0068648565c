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
 * <td>API keys (stored as SHA-256 hashes) and the tenant each belongs to</td>
 * </tr>
 * <tr>
 * <td>{@code http}</td>
 * <td>the {@code /api/v1/logs} endpoint and the one place errors become problem
 * details</td>
 * </tr>
 * <tr>
 * <td>{@code event}</td>
 * <td>reading a request body into events and each event into a
 * {@link io.logpipe.common.event.RawLogRecord}, or a rejection with its reason</td>
 * </tr>
 * <tr>
 * <td>{@code kafka}</td>
 * <td>publishing to the raw topics and waiting for Kafka's acknowledgement</td>
 * </tr>
 * </table>
 */
package io.logpipe.ingest;
