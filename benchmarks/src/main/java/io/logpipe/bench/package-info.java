/**
 * The benchmark runner behind {@code deploy/local/logpipe bench}: every figure is
 * measured beside a baseline of the same servers in the same run, because on shared
 * machines only ratios compare.
 *
 * <p>
 * Trials: the full mode runs every stage three times ({@link BenchMode#trials()}), each
 * trial with fresh service processes, topics and data streams. Every figure of
 * {@code bench-report.json} is the median of the trials, under its usual key, and
 * {@code spread} holds, per figure path ({@code ingest_batched_eps},
 * {@code cpu_s_per_million.parser-service}, {@code scaling.services_100.pipeline_eps}),
 * its {@code min}, {@code max}, {@code relative} spread ({@code (max - min) / median})
 * and the number of {@code trials} that measured it. A ratio is the median of the trials'
 * own ratios. The quick mode runs one trial and has no {@code spread}.
 *
 * <p>
 * Keys besides the stage figures: {@code scaling} (the pipeline's rate and CPU per
 * million events over 1, 100 and 1,000 services, i.e. data streams, with 200-byte events,
 * and over one service with 2 kB events), {@code startup_ms_cold} and
 * {@code startup_ms_aot} (start to readiness from the jar, and extracted with the JDK's
 * AOT cache), and, per HTTP stage, {@code load_generator_cpu_cores},
 * {@code ingest_cpu_cores} and {@code load_generator_bound} (true when the generator used
 * at least the CPU ingest-api did, so the figure is as much the generator's as the
 * service's).
 *
 * <table>
 * <caption>Classes</caption>
 * <tr>
 * <th>class</th>
 * <th>what it does</th>
 * </tr>
 * <tr>
 * <td>{@code BenchmarkRunner}</td>
 * <td>runs the mode's trials and writes their median report</td>
 * </tr>
 * <tr>
 * <td>{@code Trial}</td>
 * <td>one trial: starts the services, runs the stages in sequence and fills its
 * report</td>
 * </tr>
 * <tr>
 * <td>{@code PipelineFeed}</td>
 * <td>feeds the whole pipeline at full rate until Elasticsearch counts every event: its
 * rate and each service's CPU per million events</td>
 * </tr>
 * <tr>
 * <td>{@code ScalingStage}</td>
 * <td>the pipeline again over 1 to 1,000 services and with 2 kB events</td>
 * </tr>
 * <tr>
 * <td>{@code SearchableLatency}</td>
 * <td>POST to searchable at half the pipeline's rate</td>
 * </tr>
 * <tr>
 * <td>{@code MeasuredLoad}</td>
 * <td>a stage's HTTP load, with the CPU of the generator and of ingest-api beside it</td>
 * </tr>
 * <tr>
 * <td>{@code Trials}</td>
 * <td>folds the trials' reports into medians and spreads</td>
 * </tr>
 * <tr>
 * <td>{@code AotCache}</td>
 * <td>extracts and trains the services' AOT caches for the start-up comparison</td>
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
 * <td>the events sent: JSON lines, access-log and other line formats, events of a given
 * size over many services</td>
 * </tr>
 * <tr>
 * <td>{@code Report}</td>
 * <td>{@code bench-report.json} and {@code bench-report.md}</td>
 * </tr>
 * </table>
 */
package io.logpipe.bench;
