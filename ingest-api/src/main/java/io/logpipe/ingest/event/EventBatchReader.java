package io.logpipe.ingest.event;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.logpipe.common.codec.EventCodec;
import io.logpipe.common.event.Category;
import io.logpipe.common.event.RawLogRecord;
import io.logpipe.common.event.Source;
import io.logpipe.common.id.EventIds;
import io.logpipe.ingest.problem.IngestException;
import io.logpipe.ingest.problem.ProblemType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a JSON request body (one event object or an array of them) into raw records. A
 * bad event is rejected with its index and reason and does not cost its good neighbours
 * their place.
 */
@Component
public class EventBatchReader {

	private final JsonMapper mapper;

	public EventBatchReader(EventCodec codec) {
		this.mapper = codec.mapper();
	}

	public EventBatch read(byte[] body, RequestContext context) {
		JsonNode root = parse(body);
		List<JsonNode> events = new ArrayList<>();
		if (root.isArray()) {
			root.forEach(events::add);
		}
		else if (root.isObject()) {
			events.add(root);
		}
		else {
			throw new IngestException(ProblemType.MALFORMED_BODY,
					"the body must be a JSON object or an array of objects, not " + describe(root));
		}
		List<RawLogRecord> accepted = new ArrayList<>(events.size());
		List<Rejection> rejected = new ArrayList<>();
		for (int index = 0; index < events.size(); index++) {
			try {
				accepted.add(toRecord(events.get(index), index, context));
			}
			catch (IngestException ex) {
				rejected.add(Rejection.of(index, ex.type(), ex.getMessage()));
			}
		}
		return new EventBatch(accepted, rejected);
	}

	private JsonNode parse(byte[] body) {
		if (body == null || body.length == 0) {
			throw new IngestException(ProblemType.MALFORMED_BODY, "the body is empty");
		}
		try {
			return this.mapper.readTree(body);
		}
		catch (JacksonException ex) {
			throw new IngestException(ProblemType.MALFORMED_BODY, "the body is not valid JSON: "
					+ ex.getOriginalMessage() + " at " + ex.getLocation().offsetDescription(), ex);
		}
	}

	private RawLogRecord toRecord(JsonNode event, int index, RequestContext context) {
		if (!(event instanceof ObjectNode object)) {
			throw new IngestException(ProblemType.INVALID_EVENT,
					"an event must be a JSON object, not " + describe(event));
		}
		JsonNode message = object.get("message");
		if (message == null || !message.isString()) {
			throw new IngestException(ProblemType.INVALID_EVENT, "an event needs a string field 'message'");
		}
		Category category = category(object, context);
		String service = text(object, "service", "name").or(() -> Optional.ofNullable(context.defaultService()))
			.orElse(Source.UNKNOWN_SERVICE);
		Source source = new Source(service, text(object, "host", "name").orElse(null),
				text(object, "environment", null).or(() -> text(object, "service", "environment")).orElse(null),
				context.clientAddress());
		String tenant = context.client().tenant();
		String id = (context.idempotencyKey() != null) ? EventIds.derived(tenant, context.idempotencyKey(), index)
				: EventIds.newId();
		return new RawLogRecord(RawLogRecord.SCHEMA_VERSION, id, tenant, context.receivedAt(), category,
				RawLogRecord.PROTOCOL_NATIVE, source, message.asString(), fieldsWithoutMessage(object),
				text(object, "format", null).orElse(null));
	}

	private Category category(ObjectNode event, RequestContext context) {
		Optional<String> named = text(event, "category", null);
		Category category = named
			.map((name) -> Category.parse(name)
				.orElseThrow(() -> new IngestException(ProblemType.INVALID_CATEGORY,
						"category '" + name + "' is not one of app, system, security")))
			.orElseGet(() -> (context.defaultCategory() != null) ? context.defaultCategory() : Category.APP);
		if (!context.client().mayWrite(category)) {
			throw new IngestException(ProblemType.CATEGORY_FORBIDDEN,
					"this API key may not write category '" + category.wireName() + "'");
		}
		return category;
	}

	/**
	 * A string field given as {@code "name": "x"}, as an ECS object {@code "name":
	 * {"nested": "x"}} or with a dotted key {@code "name.nested": "x"}.
	 */
	private static Optional<String> text(ObjectNode event, String name, String nested) {
		JsonNode value = event.get(name);
		if (value != null && value.isString()) {
			return Optional.of(value.asString());
		}
		if (nested != null) {
			if (value != null && value.isObject() && value.get(nested) != null && value.get(nested).isString()) {
				return Optional.of(value.get(nested).asString());
			}
			JsonNode dotted = event.get(name + "." + nested);
			if (dotted != null && dotted.isString()) {
				return Optional.of(dotted.asString());
			}
		}
		return Optional.empty();
	}

	private Map<String, Object> fieldsWithoutMessage(ObjectNode event) {
		Map<String, Object> fields = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> field : event.properties()) {
			if (!field.getKey().equals("message")) {
				fields.put(field.getKey(), this.mapper.treeToValue(field.getValue(), Object.class));
			}
		}
		return fields;
	}

	private static String describe(JsonNode node) {
		return switch (node.getNodeType()) {
			case ARRAY -> "an array";
			case STRING -> "a string";
			case NUMBER -> "a number";
			case BOOLEAN -> "a boolean";
			case NULL -> "null";
			default -> "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
		};
	}

}
