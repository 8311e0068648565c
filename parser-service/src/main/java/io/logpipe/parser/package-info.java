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
 * <td>{@code process}</td>
 * <td>{@code RecordProcessor}: parse, rules, redaction as one pure function (the
 * benchmark's entry point), and the configuration that builds it</td>
 * </tr>
 * <tr>
 * <td>{@code parse}</td>
 * <td>{@code LogParser}: a {@link io.logpipe.common.event.RawLogRecord} in, a
 * {@link io.logpipe.common.event.LogDocument} (and maybe a failure) out; the document
 * builder and its field mapping</td>
 * </tr>
 * <tr>
 * <td>{@code parse.format}</td>
 * <td>the formats (JSON, logfmt, RFC 5424, RFC 3164, access logs, plain text, grok),
 * detection and hints, time-budgeted patterns</td>
 * </tr>
 * <tr>
 * <td>{@code parse.time}</td>
 * <td>timestamps: formats, zones, year inference, clamping</td>
 * </tr>
 * <tr>
 * <td>{@code parse.level}</td>
 * <td>level normalization</td>
 * </tr>
 * <tr>
 * <td>{@code parse.enrich}</td>
 * <td>stack traces to {@code error.*}, user agents to {@code user_agent.*}</td>
 * </tr>
 * <tr>
 * <td>{@code rules}</td>
 * <td>per-tenant rules from configuration: drop, sample, route, add, rename, redact</td>
 * </tr>
 * <tr>
 * <td>{@code redact}</td>
 * <td>built-in and configured redaction, counted per rule</td>
 * </tr>
 * <tr>
 * <td>{@code metrics}</td>
 * <td>per-batch log counts for {@code log-metrics} ({@code BatchLogCounts}), Prometheus
 * counters</td>
 * </tr>
 * <tr>
 * <td>{@code kafka}</td>
 * <td>the transactional consume-parse-produce loop, topics, dead letters</td>
 * </tr>
 * </table>
 */
package io.logpipe.parser;
