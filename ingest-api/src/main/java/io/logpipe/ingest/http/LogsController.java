package io.logpipe.ingest.http;

import java.time.Clock;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.logpipe.common.event.Category;
import io.logpipe.common.event.RawLogRecord;
import io.logpipe.ingest.auth.AuthenticatedClient;
import io.logpipe.ingest.event.EventBatch;
import io.logpipe.ingest.event.EventBatchReader;
import io.logpipe.ingest.event.RequestContext;
import io.logpipe.ingest.kafka.RawRecordPublisher;
import io.logpipe.ingest.problem.IngestException;
import io.logpipe.ingest.problem.NoValidEventsException;
import io.logpipe.ingest.problem.ProblemType;

/** {@code POST /api/v1/logs}: one JSON event or an array of them. */
@RestController
class LogsController {

	private final EventBatchReader reader;

	private final RawRecordPublisher publisher;

	private final Clock clock;

	LogsController(EventBatchReader reader, RawRecordPublisher publisher, Clock clock) {
		this.reader = reader;
		this.publisher = publisher;
		this.clock = clock;
	}

	@PostMapping(path = "/api/v1/logs", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<IngestAccepted> ingest(AuthenticatedClient client, @RequestBody byte[] body,
			@RequestHeader(name = "X-Logpipe-Service", required = false) String serviceHeader,
			@RequestParam(name = "service", required = false) String serviceParameter,
			@RequestHeader(name = "X-Logpipe-Category", required = false) String categoryHeader,
			@RequestParam(name = "category", required = false) String categoryParameter,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
			@RequestHeader(name = "traceparent", required = false) String traceparent, HttpServletRequest request) {
		RequestContext context = new RequestContext(client, this.clock.instant(), request.getRemoteAddr(),
				firstOf(serviceHeader, serviceParameter),
				requestCategory(client, firstOf(categoryHeader, categoryParameter)), idempotencyKey);
		EventBatch batch = this.reader.read(body, context);
		if (batch.accepted().isEmpty()) {
			throw new NoValidEventsException(batch.rejected());
		}
		this.publisher.publish(batch.accepted(), traceparent);
		List<String> ids = batch.accepted().stream().map(RawLogRecord::id).toList();
		return ResponseEntity.accepted().body(new IngestAccepted(ids.size(), ids, batch.rejected()));
	}

	private static Category requestCategory(AuthenticatedClient client, String name) {
		if (name == null) {
			return null;
		}
		Category category = Category.parse(name)
			.orElseThrow(() -> new IngestException(ProblemType.INVALID_CATEGORY,
					"category '" + name + "' is not one of app, system, security"));
		if (!client.mayWrite(category)) {
			throw new IngestException(ProblemType.CATEGORY_FORBIDDEN,
					"this API key may not write category '" + category.wireName() + "'");
		}
		return category;
	}

	private static String firstOf(String first, String second) {
		return (first != null && !first.isBlank()) ? first : second;
	}

}
