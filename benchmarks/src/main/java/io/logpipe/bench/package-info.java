/**
 * The benchmark runner behind {@code deploy/local/logpipe bench}: every figure is
 * measured beside a baseline of the same servers in the same run, because on shared
 * machines only ratios compare.
 *
 * <table>
 * <caption>Classes</caption>
 * <tr>
 * <th>class</th>
 * <th>what it does</th>
 * </tr>
 * <tr>
 * <td>{@code BenchmarkRunner}</td>
 * <td>runs the stages in sequence and fills the report</td>
 * </tr>
 * <tr>
 * <td>{@code BenchMode}</td>
 * <td>durations and sizes of the quick, full and smoke runs</td>
 * </tr>
 * <tr>
 * <td>{@code HttpLoad}</td>
 * <td>the HTTP load generator (bounded in-flight requests on virtual threads)</td>
 * </tr>
 * <tr>
 * <td>{@code KafkaBench}</td>
 * <td>bench topics, pre-filling, consumer-group lag, the Kafka perf tools</td>
 * </tr>
 * <tr>
 * <td>{@code ElasticsearchBench}</td>
 * <td>the bulk baseline, counts and the search that tells when an event is
 * searchable</td>
 * </tr>
 * <tr>
 * <td>{@code ReadBench}</td>
 * <td>the read side as a user sees it: search latency, and POST to arrival on a live
 * tail</td>
 * </tr>
 * <tr>
 * <td>{@code CpuCost}</td>
 * <td>CPU-seconds per million events of each service process, with optional JFR of the
 * measured window (run by {@code CpuCostIT})</td>
 * </tr>
 * <tr>
 * <td>{@code Samples}</td>
 * <td>the events sent: JSON lines and access-log lines</td>
 * </tr>
 * <tr>
 * <td>{@code Report}</td>
 * <td>{@code bench-report.json} and {@code bench-report.md}</td>
 * </tr>
 * </table>
 */
package io.logpipe.bench;
