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
 * <td>{@code codec}</td>
 * <td>{@link io.logpipe.common.codec.EventCodec}, the one JSON codec for both
 * records</td>
 * </tr>
 * <tr>
 * <td>{@code id}</td>
 * <td>{@link io.logpipe.common.id.EventIds}: time-ordered ids and ids derived from an
 * idempotency key</td>
 * </tr>
 * <tr>
 * <td>{@code topic}</td>
 * <td>default topic names and Kafka header names</td>
 * </tr>
 * </table>
 */
package io.logpipe.common;
