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
 * <td>the one problem-details type of the suite: {@code ProblemKind} (the
 * {@code urn:logpipe:problem:*} types each service lists in an enum),
 * {@code ProblemException} (a kind, a detail, extra members and headers;
 * {@code UnauthenticatedException} adds the {@code Bearer} challenge) and
 * {@code ProblemResponses}, the handler each service's {@code @RestControllerAdvice}
 * extends</td>
 * </tr>
 * </table>
 *
 * <p>
 * {@code logpipe-service-defaults.yml} holds the shared actuator and logging settings;
 * each service imports it from its {@code application.yml}.
 */
package io.logpipe.service;
