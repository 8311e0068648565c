/**
 * The contracts every logpipe service shares. No web or Kafka client code lives here.
 *
 * <table>
 * <caption>Packages</caption>
 * <tr>
 * <th>package</th>
 * <th>what it holds</th>
 * </tr>
 * <tr>
 * <td>{@code event}</td>
 * <td>{@link io.logpipe.common.event.RawLogRecord} (raw topics) and
 * {@link io.logpipe.common.event.LogDocument} (parsed-logs, the ECS document that is
 * indexed)</td>
 * </tr>
 * <tr>
 * <td>{@code metrics}</td>
 * <td>{@link io.logpipe.common.metrics.LogCount} (log-metrics: per-level log counts)</td>
 * </tr>
 * <tr>
 * <td>{@code codec}</td>
 * <td>{@link io.logpipe.common.codec.EventCodec}, the one JSON codec for the records of
 * every topic</td>
 * </tr>
 * <tr>
 * <td>{@code id}</td>
 * <td>{@link io.logpipe.common.id.EventIds}: time-ordered ids and ids derived from an
 * idempotency key; {@link io.logpipe.common.id.Sha256}, the one SHA-256 helper</td>
 * </tr>
 * <tr>
 * <td>{@code topic}</td>
 * <td>default topic names, Kafka header names, and the dead-letter headers
 * ({@link io.logpipe.common.topic.DeadLetterHeaders}) every dead-letter path writes</td>
 * </tr>
 * </table>
 */
package io.logpipe.common;
