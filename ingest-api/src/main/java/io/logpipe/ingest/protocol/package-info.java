/**
 * The seam every shipper protocol plugs into, so that each protocol only parses its
 * format and renders its answers, and the rules of ingest hold for all of them alike.
 *
 * <h2>How a protocol plugs in</h2>
 * <ol>
 * <li>A controller in its own package ({@code protocol.elasticsearch},
 * {@code protocol.splunk}, ...) maps the paths its clients use, with no {@code consumes}
 * or {@code produces} (shippers send every content type, or none) and no
 * {@code @RequestParam} on ingest paths (for a form-urlencoded POST, Tomcat would read
 * the body as parameters): read the query string yourself.</li>
 * <li>It takes an {@link io.logpipe.ingest.auth.AuthenticatedClient} parameter annotated
 * with {@link io.logpipe.ingest.auth.Credentials} naming the schemes its clients send
 * ({@code Bearer}, {@code ApiKey} raw or base64 {@code id:key}, {@code Basic} with the
 * key as password, {@code Splunk}). The key decides the tenant, never the body. A failure
 * is a {@link io.logpipe.ingest.auth.CredentialsRejectedException} whose
 * {@link io.logpipe.ingest.auth.CredentialsRejectedException#reason() reason} tells a
 * missing header, another scheme and an unknown key apart.</li>
 * <li>It calls {@link io.logpipe.ingest.protocol.ProtocolIngest#ingest} with its
 * {@link io.logpipe.ingest.protocol.Protocol}, a
 * {@link io.logpipe.ingest.protocol.RejectionPolicy} and a
 * {@link io.logpipe.ingest.protocol.BodyParser} that turns the decoded body into
 * {@link io.logpipe.ingest.protocol.ProtocolItem}s: a
 * {@link io.logpipe.ingest.protocol.ProtocolEvent} per event (message, fields under the
 * names the parser reads, service, host, environment, format hint, requested category,
 * optional id seed, size), or {@link io.logpipe.ingest.protocol.ProtocolItem.Invalid} for
 * an item the protocol rejects for good. A body that cannot be read at all throws (an
 * {@link io.logpipe.service.problem.ProblemException} or the protocol's own exception).
 * The seam applies, in this order: the key's rate limit (429), the declared length and
 * the in-flight byte cap (413, 429), {@code Content-Encoding} (gzip, deflate, zstd,
 * snappy) within {@code ingest.limits.max-body-size}, the parser, {@code max-events},
 * each event's size, field count and depth, its category (routing rules, or the requested
 * one checked against the key), its id ({@code Idempotency-Key}, else the id seed, else a
 * new UUIDv7), the {@link io.logpipe.common.event.RawLogRecord} with {@code protocol}
 * set, and the publish, which returns only once Kafka acknowledged every accepted event
 * ({@code traceparent} goes to the Kafka headers). It counts bytes, accepted and rejected
 * events by protocol.</li>
 * <li>It renders the returned {@link io.logpipe.ingest.protocol.ProtocolOutcome} (one id
 * or rejection per item, in order) in the protocol's success shape.</li>
 * <li>Its errors go through a {@code @RestControllerAdvice} scoped to its controllers
 * ({@code assignableTypes}) and ordered before the native API's
 * ({@code @Order(Ordered.HIGHEST_PRECEDENCE)}). It passes every
 * {@link io.logpipe.service.problem.ProblemException} to
 * {@link io.logpipe.ingest.protocol.Failures#of}, which counts it and classifies it as a
 * {@link io.logpipe.ingest.protocol.RequestFailure}: transient (Kafka did not
 * acknowledge, overload, rate limit: answer the whole request with the status the
 * protocol's clients retry, with {@code Retry-After}; never per item, so no client drops
 * the failed part) or permanent (answer with the protocol's error for bad data). A
 * request without a valid key fails with
 * {@link io.logpipe.ingest.auth.CredentialsRejectedException}, a {@code ProblemException}
 * too: pass it to {@code Failures#of} to count it, and render the protocol's own
 * challenge.</li>
 * </ol>
 * The native API ({@code /api/v1/logs}) keeps its own reading and its problem details; it
 * shares the same limits, admission, publisher and failure classification.
 */
package io.logpipe.ingest.protocol;
