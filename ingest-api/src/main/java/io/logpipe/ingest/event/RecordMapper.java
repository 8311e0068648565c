package io.logpipe.ingest.event;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.logpipe.common.event.Category;
import io.logpipe.common.event.RawLogRecord;
import io.logpipe.common.event.Source;
import io.logpipe.common.id.EventIds;
import io.logpipe.ingest.problem.ProblemType;
import io.logpipe.service.problem.ProblemException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Maps one event to a {@link RawLogRecord}: its message, its source (the event's fields
 * win over the request's), its category, its id and the rest of its fields as they came.
 */
final class RecordMapper {

	private final JsonMapper mapper;

	private final CategoryResolver categories;

	RecordMapper(JsonMapper mapper, CategoryResolver categories) {
		this.mapper = mapper;
		this.categories = categories;
	}

	/**
	 * @param index the event's position in the request, which an idempotent request's ids
	 * derive from
	 * @throws ProblemException {@link ProblemType#INVALID_EVENT} for an event that is not
	 * an object with a string {@code message}, or a category the key may not write
	 */
	RawLogRecord toRecord(JsonNode event, int index, RequestContext context) {
		if (!(event instanceof ObjectNode object)) {
			throw new ProblemException(ProblemType.INVALID_EVENT,
					"an event must be a JSON object, not " + describe(event));
		}
		JsonNode message = object.get("message");
		if (message == null || !message.isString()) {
			throw new ProblemException(ProblemType.INVALID_EVENT, "an event needs a string field 'message'");
		}
		String service = EventFields.named(object, "service")
			.or(() -> Optional.ofNullable(context.defaultService()))
			.orElse(Source.UNKNOWN_SERVICE);
		Category category = this.categories.resolve(object, service, message.asString(), context);
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
				RawLogRecord.PROTOCOL_NATIVE, source, message.asString(), fieldsWithoutMessage(object),
				EventFields.text(object, "format").or(() -> Optional.ofNullable(context.defaultFormat())).orElse(null));
	}

	private Map<String, Object> fieldsWithoutMessage(ObjectNode event) {
		Map<String, Object> fields = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> field : event.properties()) {
			if (!field.getKey().equals("message")) {
				fields.put(field.getKey(), value(field.getValue()));
			}
		}
		return fields;
	}

	/**
	 * The value Jackson's untyped binding gives, taken straight from the node for
	 * strings, booleans and null: {@code treeToValue} builds a deserialization context
	 * and a parser over the node for each of them, which made field conversion the
	 * largest source of ingest-api's allocation after the encoded records (JFR, issue
	 * 13). Numbers, arrays and objects still go through Jackson, so the mapper's number
	 * settings keep applying.
	 */
	private Object value(JsonNode node) {
		return switch (node.getNodeType()) {
			case STRING -> node.asString();
			case BOOLEAN -> node.booleanValue();
			case NULL -> null;
			default -> this.mapper.treeToValue(node, Object.class);
		};
	}

	private static String describe(JsonNode node) {
		return switch (node.getNodeType()) {
			case ARRAY -> "an array";
			case STRING -> "a string";
			case NUMBER -> "a number";
			case BOOLEAN -> "a boolean";
			case NULL -> "null";
			default -> "a " + node.getNodeType().name().toLowerCase(Locale.ROOT);
		};
	}

}
