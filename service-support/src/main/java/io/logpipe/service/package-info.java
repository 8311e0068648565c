/**
 * What every logpipe service shares at run time, auto-configured by
 * {@link io.logpipe.service.LogpipeServiceAutoConfiguration}.
 *
 * <table>
 * <caption>Packages</caption>
 * <tr>
 * <th>package</th>
 * <th>what it holds</th>
 * </tr>
 * <tr>
 * <td>{@code auth}</td>
 * <td>the tenants' API keys ({@code logpipe.auth.keys}) and their constant-time lookup,
 * imported by the services that answer them ({@code ApiKeyConfiguration})</td>
 * </tr>
 * <tr>
 * <td>{@code kafka}</td>
 * <td>the {@code kafka} health indicator that readiness includes</td>
 * </tr>
 * <tr>
 * <td>{@code metrics}</td>
 * <td>the common meter tags ({@code application})</td>
 * </tr>
 * <tr>
 * <td>{@code problem}</td>
 * <td>{@code ProblemKind}: the {@code urn:logpipe:problem:*} problem types every HTTP API
 * answers errors with</td>
 * </tr>
 * </table>
 *
 * <p>
 * {@code logpipe-service-defaults.yml} holds the shared actuator and logging settings;
 * each service imports it from its {@code application.yml}.
 */
package io.logpipe.service;
