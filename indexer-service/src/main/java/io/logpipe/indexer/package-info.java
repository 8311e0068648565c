/**
 * indexer-service: bulk-writes parsed documents into Elasticsearch data streams and
 * commits a Kafka offset only once Elasticsearch confirmed its document (or it reached
 * the dead-letter topic).
 *
 * <table>
 * <caption>Packages</caption>
 * <tr>
 * <th>package</th>
 * <th>what it does</th>
 * </tr>
 * <tr>
 * <td>{@code bulk}</td>
 * <td>one bulk request and the outcome of each of its items; data stream names</td>
 * </tr>
 * <tr>
 * <td>{@code template}</td>
 * <td>installs the component and index templates before indexing starts</td>
 * </tr>
 * <tr>
 * <td>{@code kafka}</td>
 * <td>the batch listener, retries, dead letters to index-dlq</td>
 * </tr>
 * </table>
 */
package io.logpipe.indexer;
