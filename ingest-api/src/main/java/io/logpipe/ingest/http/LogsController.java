package io.logpipe.ingest.http;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.logpipe.common.event.Category;
import io.logpipe.common.event.RawLogRecord;
import io.logpipe.ingest.admission.InFlightBytes;
import io.logpipe.ingest.admission.KeyRateLimiter;
import io.logpipe.ingest.auth.AuthenticatedClient;
import io.logpipe.ingest.body.RequestBodyReader;
import io.logpipe.ingest.event.BodyFormat;
import io.logpipe.ingest.event.EventBatch;
import io.logpipe.ingest.event.EventBatchReader;
import io.logpipe.ingest.event.RequestContext;
import io.logpipe.ingest.event.RequestedCategory;
import io.logpipe.ingest.kafka.RawRecordPublisher;
import io.logpipe.ingest.metrics.IngestMetrics;
import io.logpipe.ingest.problem.ProblemType;
import io.logpipe.ingest.protocol.Protocol;
import io.logpipe.service.problem.ProblemException;

/**
 * {@code POST /api/v1/logs}: JSON (an object or an array), NDJSON or plain text lines,
 * optionally compressed.
 *
 * <p>
 * The order of checks is the order of their cost: the key (401, 403) and its rate limit
 * (429) before anything is read, then the declared length and the in-flight byte cap
 * (413, 429), then the body as it streams, and only then Kafka. The body is read here,
 * not by a message converter, so that every byte is counted while it arrives.
 */
@RestController
class LogsController {

	private static final String PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

	private static final String PROBLEM = "#/components/schemas/" + ApiDocumentation.PROBLEM_SCHEMA;

	private final KeyRateLimiter rateLimiter;

	private final InFlightBytes inFlight;

	private final RequestBodyReader bodyReader;

	private final EventBatchReader reader;

	private final RawRecordPublisher publisher;

	private final IngestMetrics metrics;

	private final Clock clock;

	LogsController(KeyRateLimiter rateLimiter, InFlightBytes inFlight, RequestBodyReader bodyReader,
			EventBatchReader reader, RawRecordPublisher publisher, IngestMetrics metrics, Clock clock) {
		this.rateLimiter = rateLimiter;
		this.inFlight = inFlight;
		this.bodyReader = bodyReader;
		this.reader = reader;
		this.publisher = publisher;
		this.metrics = metrics;
		this.clock = clock;
	}

	@Operation(summary = "Ingest log events",
			description = "One JSON event object or an array of them (application/json), one JSON object per line "
					+ "(application/x-ndjson), or one message per line (text/plain). Content-Encoding gzip, "
					+ "deflate, zstd or snappy (block format). Bad events are listed in `rejected` by index; "
					+ "the good ones are accepted.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = { @Content(mediaType = MediaType.APPLICATION_JSON_VALUE),
							@Content(mediaType = MediaType.APPLICATION_NDJSON_VALUE),
							@Content(mediaType = MediaType.TEXT_PLAIN_VALUE) }),
			responses = {
					@ApiResponse(responseCode = "202", description = "Kafka acknowledged every accepted event",
							content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
									schema = @Schema(implementation = IngestAccepted.class))),
					@ApiResponse(responseCode = "400",
							description = "malformed-body, no-valid-events, invalid-category",
							content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM))),
					@ApiResponse(responseCode = "401", description = "unauthenticated: no key or an unknown key",
							content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM))),
					@ApiResponse(responseCode = "403", description = "category-forbidden",
							content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM))),
					@ApiResponse(responseCode = "408",
							description = "request-timeout: the body arrived too slowly or not in time",
							content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM))),
					@ApiResponse(responseCode = "413", description = "body-too-large, too-many-events",
							content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM))),
					@ApiResponse(responseCode = "415", description = "unsupported-encoding, or an unknown Content-Type",
							content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM))),
					@ApiResponse(responseCode = "429",
							description = "rate-limited (the key's bucket is empty), address-busy (requests in flight from "
									+ "the client's address) or overloaded (in-flight bytes); " + "Retry-After",
							content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM))),
					@ApiResponse(responseCode = "503",
							description = "kafka-unavailable: nothing of the request is confirmed; Retry-After",
							content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM))) })
	@PostMapping(
			path = IngestMetrics.LOGS_ENDPOINT, consumes = { MediaType.APPLICATION_JSON_VALUE,
					MediaType.APPLICATION_NDJSON_VALUE, MediaType.TEXT_PLAIN_VALUE },
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<IngestAccepted> ingest(@Parameter(hidden = true) AuthenticatedClient client,
			@RequestHeader(name = "X-Logpipe-Service", required = false) String serviceHeader,
			@RequestParam(name = "service", required = false) String serviceParameter,
			@RequestHeader(name = "X-Logpipe-Host", required = false) String hostHeader,
			@RequestParam(name = "host", required = false) String hostParameter,
			@RequestHeader(name = "X-Logpipe-Format", required = false) String formatHeader,
			@RequestParam(name = "format", required = false) String formatParameter,
			@RequestHeader(name = "X-Logpipe-Category", required = false) String categoryHeader,
			@RequestParam(name = "category", required = false) String categoryParameter,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
			@RequestHeader(name = "traceparent", required = false) String traceparent,
			@Parameter(hidden = true) HttpServletRequest request,
			@Parameter(hidden = true) HttpServletResponse response) {
		Map<String, String> rateLimitHeaders = this.rateLimiter.consume(client);
		rateLimitHeaders.forEach(response::setHeader);
		RequestContext context = new RequestContext(client, this.clock.instant(), request.getRemoteAddr(),
				firstOf(serviceHeader, serviceParameter), firstOf(hostHeader, hostParameter),
				firstOf(formatHeader, formatParameter),
				requestCategory(client, firstOf(categoryHeader, categoryParameter)), idempotencyKey);
		this.bodyReader.checkDeclaredLength(request.getContentLengthLong());
		// Bytes are reserved as they arrive, not as declared: reserving the declared
		// length up
		// front let two slow clients that declare large bodies hold the whole cap, and
		// every
		// other client got 429 until they were timed out.
		try (InFlightBytes.Reservation reservation = this.inFlight.reserve(0);
				InputStream in = request.getInputStream()) {
			RequestBodyReader.Body body = this.bodyReader.read(in, request.getHeader(HttpHeaders.CONTENT_ENCODING),
					reservation::growTo);
			this.metrics.bytesIn(body.bytesIn());
			EventBatch batch = this.reader.read(body.bytes(), BodyFormat.of(request.getContentType()), context);
			this.publisher.publish(batch.requireAccepted(), traceparent);
			this.metrics.accepted(Protocol.NATIVE, IngestMetrics.LOGS_ENDPOINT, batch.accepted().size(),
					batch.rejected());
			List<String> ids = batch.accepted().stream().map(RawLogRecord::id).toList();
			return ResponseEntity.accepted().body(new IngestAccepted(ids.size(), ids, batch.rejected()));
		}
		catch (IOException ex) {
			throw new ProblemException(ProblemType.MALFORMED_BODY, "the body could not be read: " + ex.getMessage(),
					ex);
		}
	}

	private static Category requestCategory(AuthenticatedClient client, String name) {
		if (name == null) {
			return null;
		}
		return RequestedCategory.of(client, name);
	}

	private static String firstOf(String first, String second) {
		return (first != null && !first.isBlank()) ? first : second;
	}

}
