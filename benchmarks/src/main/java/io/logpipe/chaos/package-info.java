/**
 * The chaos runner behind {@code deploy/local/logpipe chaos}: injects the faults of issue
 * 12 into the local runtime under a steady load and proves, from what Elasticsearch
 * holds, that nothing acknowledged was lost or stored twice.
 *
 * <table>
 * <caption>Classes</caption>
 * <tr>
 * <th>class</th>
 * <th>what it does</th>
 * </tr>
 * <tr>
 * <td>{@code ChaosRunner}</td>
 * <td>runs each scenario under its own load, judges it and writes the report</td>
 * </tr>
 * <tr>
 * <td>{@code Scenarios}, {@code Scenario}, {@code FaultContext}</td>
 * <td>the eight faults: kill, freeze, stop, block; what each saw</td>
 * </tr>
 * <tr>
 * <td>{@code LocalStack}</td>
 * <td>the runtime's processes by their pid files: SIGKILL, SIGTERM, SIGSTOP, SIGCONT,
 * restart through {@code logpipe up}</td>
 * </tr>
 * <tr>
 * <td>{@code SteadyLoad}, {@code Acknowledgements}</td>
 * <td>the paced load with {@code Idempotency-Key} retries; every acknowledged id and the
 * longest answer</td>
 * </tr>
 * <tr>
 * <td>{@code StoredEvents}, {@code RecoveryWatch}</td>
 * <td>lost and duplicated from a composite aggregation on {@code event.id}; the catch-up
 * time</td>
 * </tr>
 * <tr>
 * <td>{@code Readiness}</td>
 * <td>a service's readiness group, asked with a bounded wait</td>
 * </tr>
 * <tr>
 * <td>{@code ChaosReport}</td>
 * <td>{@code chaos-report.json} and {@code chaos-report.md}</td>
 * </tr>
 * </table>
 */
package io.logpipe.chaos;
