package io.logpipe.ingest.event;

import java.util.Map;
import java.util.Optional;

import io.logpipe.common.event.Category;
import io.logpipe.common.event.RawLogRecord;
import io.logpipe.common.event.Source;
import io.logpipe.common.id.EventIds;
import io.logpipe.ingest.problem.ProblemType;
import io.logpipe.service.problem.ProblemException;

/**
 * Maps one event to a {@link RawLogRecord}: its message, its source (the event's fields
 * win over the request's), its category, its id and the rest of its fields as they came.
 */
final class RecordMapper {

	private final CategoryResolver categories;

	RecordMapper(CategoryResolver categories) {
		this.categories = categories;
	}

	/**
	 * @param event the event as read; its map becomes the record's fields, without
	 * {@code message}
	 * @param index the event's position in the request, which an idempotent request's ids
	 * derive from
	 * @throws ProblemException {@link ProblemType#INVALID_EVENT} for an event that is not
	 * an object with a string {@code message}, or a category the key may not write
	 */
	RawLogRecord toRecord(ParsedEvent event, int index, RequestContext context) {
		Map<String, Object> object = event.object();
		if (object == null) {
			throw new ProblemException(ProblemType.INVALID_EVENT,
					"an event must be a JSON object, not " + event.describe());
		}
		// The reader's map is this event's own, so the fields are it without the message:
		// no copy.
		if (!(object.remove("message") instanceof String message)) {
			throw new ProblemException(ProblemType.INVALID_EVENT, "an event needs a string field 'message'");
		}
		String service = EventFields.named(object, "service")
			.or(() -> Optional.ofNullable(context.defaultService()))
			.orElse(Source.UNKNOWN_SERVICE);
		Category category = this.categories.resolve(object, service, message, context);
		Source source = new Source(service,
				EventFields.named(object, "host").or(() -> Optional.ofNullable(context.defaultHost())).orElse(null),
				EventFields.text(object, "environment")
					.or(() -> EventFields.grouped(object, "service", "environment"))
					.orElse(null),
				context.clientAddress());
		String tenant = context.client().tenant();
		String id = (context.idempotencyKey() != null) ? EventIds.derived(tenant, context.idempotencyKey(), index)
				: EventIds.newId();
		return new RawLogRecord(RawLogRecord.SCHEMA_VERSION, id, tenant, context.receivedAt(), category,
				RawLogRecord.PROTOCOL_NATIVE, source, message, object,
				EventFields.text(object, "format").or(() -> Optional.ofNullable(context.defaultFormat())).orElse(null));
	}

}
