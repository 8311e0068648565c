package io.logpipe.ingest.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import io.logpipe.common.event.Category;
import io.logpipe.common.event.RawLogRecord;
import io.logpipe.common.event.Source;
import io.logpipe.common.id.EventIds;
import io.logpipe.ingest.admission.InFlightBytes;
import io.logpipe.ingest.admission.KeyRateLimiter;
import io.logpipe.ingest.auth.AuthenticatedClient;
import io.logpipe.ingest.body.IngestLimitsProperties;
import io.logpipe.ingest.body.RequestBodyReader;
import io.logpipe.ingest.event.CategoryRouter;
import io.logpipe.ingest.event.EventBatch;
import io.logpipe.ingest.event.Rejection;
import io.logpipe.ingest.event.RequestedCategory;
import io.logpipe.ingest.kafka.RawRecordPublisher;
import io.logpipe.ingest.metrics.IngestMetrics;
import io.logpipe.ingest.problem.LimitExceeded;
import io.logpipe.ingest.problem.ProblemType;
import io.logpipe.service.problem.ProblemException;

/**
 * The path every shipper protocol's request takes, so that a protocol controller only
 * parses its format and renders its answer: the key's rate limit, the in-flight byte cap,
 * the body within its limits, the protocol's parsing, the per-event limits and routing,
 * the mapping to {@link RawLogRecord}, and the publish that returns only once Kafka
 * acknowledged. See the package documentation for how a protocol plugs in.
 *
 * <p>
 * Thread-safe: it holds no request state; each call runs on its request's thread.
 */
@Component
public class ProtocolIngest {

	private final KeyRateLimiter rateLimiter;

	private final InFlightBytes inFlight;

	private final RequestBodyReader bodyReader;

	private final IngestLimitsProperties limits;

	private final EventLimits eventLimits;

	private final CategoryRouter router;

	private final RawRecordPublisher publisher;

	private final IngestMetrics metrics;

	private final Clock clock;

	public ProtocolIngest(KeyRateLimiter rateLimiter, InFlightBytes inFlight, RequestBodyReader bodyReader,
			IngestLimitsProperties limits, CategoryRouter router, RawRecordPublisher publisher, IngestMetrics metrics,
			Clock clock) {
		this.rateLimiter = rateLimiter;
		this.inFlight = inFlight;
		this.bodyReader = bodyReader;
		this.limits = limits;
		this.eventLimits = new EventLimits(limits);
		this.router = router;
		this.publisher = publisher;
		this.metrics = metrics;
		this.clock = clock;
	}

	/**
	 * Takes a protocol request from its key's rate limit to Kafka's acknowledgement.
	 * @param protocol the protocol, recorded on every record and meter
	 * @param client the request's key, already authenticated
	 * @param policy what a permanently rejected item does to the rest
	 * @param parser the protocol's reading of the decoded body
	 * @return each item's id or rejection, in request order; only returned once Kafka
	 * acknowledged every accepted event
	 * @throws ProblemException for a failure of the whole request: transient ones (see
	 * {@link RequestFailure#isTransient}) or permanent ones (the body is too large or
	 * unreadable, too many events, an item rejected under
	 * {@link RejectionPolicy#WHOLE_REQUEST}); nothing of the request is confirmed then
	 */
	public ProtocolOutcome ingest(Protocol protocol, AuthenticatedClient client, HttpServletRequest request,
			HttpServletResponse response, RejectionPolicy policy, BodyParser parser) {
		this.rateLimiter.consume(client).forEach(response::setHeader);
		Instant receivedAt = this.clock.instant();
		this.bodyReader.checkDeclaredLength(request.getContentLengthLong());
		// Reserved as the bytes arrive, not as declared (see LogsController).
		try (InFlightBytes.Reservation reservation = this.inFlight.reserve(0);
				InputStream in = request.getInputStream()) {
			RequestBodyReader.Body body = this.bodyReader.read(in, request.getHeader(HttpHeaders.CONTENT_ENCODING),
					reservation::growTo);
			this.metrics.bytesIn(body.bytesIn());
			List<ProtocolItem> items = parser.parse(body.bytes());
			if (items.size() > this.limits.maxEvents()) {
				throw LimitExceeded.problem(ProblemType.TOO_MANY_EVENTS, IngestLimitsProperties.PREFIX + "max-events",
						Integer.toString(this.limits.maxEvents()), "the request has " + items.size()
								+ " events, more than " + this.limits.maxEvents() + "; split it into smaller batches");
			}
			Origin origin = new Origin(protocol, client, receivedAt, request.getRemoteAddr(),
					request.getHeader("Idempotency-Key"));
			List<RawLogRecord> accepted = new ArrayList<>(items.size());
			List<Rejection> rejected = new ArrayList<>();
			List<ProtocolOutcome.Item> outcome = new ArrayList<>(items.size());
			for (int index = 0; index < items.size(); index++) {
				try {
					RawLogRecord record = toRecord(items.get(index), index, origin);
					accepted.add(record);
					outcome.add(new ProtocolOutcome.Item(index, record.id(), null));
				}
				catch (ProblemException ex) {
					Rejection rejection = new Rejection(index, ex.kind().uri(), ex.detail());
					rejected.add(rejection);
					outcome.add(new ProtocolOutcome.Item(index, null, rejection));
				}
			}
			if (policy == RejectionPolicy.WHOLE_REQUEST && !rejected.isEmpty()) {
				throw rejectedAll(rejected, items.size());
			}
			if (!accepted.isEmpty()) {
				this.publisher.publish(accepted, request.getHeader("traceparent"));
			}
			this.metrics.accepted(protocol, IngestMetrics.endpoint(request), accepted.size(), rejected);
			return new ProtocolOutcome(outcome);
		}
		catch (IOException ex) {
			throw new ProblemException(ProblemType.MALFORMED_BODY, "the body could not be read: " + ex.getMessage(),
					ex);
		}
	}

	private RawLogRecord toRecord(ProtocolItem item, int index, Origin origin) {
		if (item instanceof ProtocolItem.Invalid invalid) {
			throw new ProblemException(invalid.type(), invalid.detail());
		}
		ProtocolEvent event = (ProtocolEvent) item;
		this.eventLimits.check(event);
		String service = (event.service() != null && !event.service().isBlank()) ? event.service()
				: Source.UNKNOWN_SERVICE;
		Category category = (event.category() != null) ? RequestedCategory.of(origin.client(), event.category())
				: this.router.route(service, (event.message() != null) ? event.message() : "").orElse(Category.APP);
		String tenant = origin.client().tenant();
		String id;
		if (origin.idempotencyKey() != null) {
			id = EventIds.derived(tenant, origin.idempotencyKey(), index);
		}
		else if (event.idSeed() != null) {
			// Scoped by protocol, so that an Elasticsearch _id never meets a native key.
			id = EventIds.derived(tenant, origin.protocol().wireName() + ':' + event.idSeed(), 0);
		}
		else {
			id = EventIds.newId();
		}
		return new RawLogRecord(RawLogRecord.SCHEMA_VERSION, id, tenant, origin.receivedAt(), category,
				origin.protocol().wireName(),
				new Source(service, event.host(), event.environment(), origin.clientAddress()), event.message(),
				event.fields(), event.format());
	}

	/**
	 * Some events of a {@link RejectionPolicy#WHOLE_REQUEST} request were rejected, so
	 * none is published: the problem lists them as a native request's
	 * {@code no-valid-events} does ({@link EventBatch#rejectedOf}).
	 */
	private static ProblemException rejectedAll(List<Rejection> rejected, int events) {
		return new ProblemException(ProblemType.INVALID_EVENT,
				rejected.size() + " of the request's " + events
						+ " events were rejected, so none was accepted; the first, at index "
						+ rejected.getFirst().index() + ": " + rejected.getFirst().detail())
			.withMember(EventBatch.REJECTED, List.copyOf(rejected));
	}

	/** What a request says about all of its events. */
	private record Origin(Protocol protocol, AuthenticatedClient client, Instant receivedAt, String clientAddress,
			String idempotencyKey) {
	}

}
