/**
 * parser-service: turns raw records into ECS documents, exactly once.
 *
 * <table>
 * <caption>Packages</caption>
 * <tr>
 * <th>package</th>
 * <th>what it does</th>
 * </tr>
 * <tr>
 * <td>{@code parse}</td>
 * <td>a {@link io.logpipe.common.event.RawLogRecord} in, a
 * {@link io.logpipe.common.event.LogDocument} out: pure functions, no Kafka</td>
 * </tr>
 * <tr>
 * <td>{@code kafka}</td>
 * <td>the transactional consume-parse-produce loop, topics, dead letters</td>
 * </tr>
 * </table>
 */
package io.logpipe.parser;
