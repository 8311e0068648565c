package io.logpipe.ingest.event;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.logpipe.common.codec.EventCodec;
import io.logpipe.common.event.Category;
import io.logpipe.common.event.RawLogRecord;
import io.logpipe.common.event.Source;
import io.logpipe.common.id.EventIds;
import io.logpipe.ingest.body.IngestLimitsProperties;
import io.logpipe.ingest.problem.IngestException;
import io.logpipe.ingest.problem.LimitExceededException;
import io.logpipe.ingest.problem.ProblemType;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a decoded request body (JSON object or array, NDJSON, or plain text lines) into
 * raw records. A bad event is rejected with its index and reason and does not cost its
 * good neighbours their place; only a body that cannot be split into events at all (JSON
 * that does not parse) or one with more events than allowed fails as a whole.
 *
 * <p>
 * An event's index is its position in the request, from 0: the array element, or the line
 * among the non-blank lines (blank lines are skipped and not counted).
 */
@Component
public class EventBatchReader {

	private final JsonMapper mapper;

	/** Reads one element of an array and leaves the parser on the next. */
	private final ObjectReader elementReader;

	private final IngestLimitsProperties limits;

	private final CategoryRouter router;

	public EventBatchReader(EventCodec codec, IngestLimitsProperties limits, CategoryRouter router) {
		this.mapper = codec.mapper();
		this.elementReader = this.mapper.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
		this.limits = limits;
		this.router = router;
	}

	public EventBatch read(byte[] body, BodyFormat format, RequestContext context) {
		if (body == null || body.length == 0) {
			throw new IngestException(ProblemType.MALFORMED_BODY, "the body is empty");
		}
		Batch batch = new Batch(context);
		switch (format) {
			case JSON -> readJson(body, batch);
			case NDJSON -> readLines(body, batch, this::ndjsonLine);
			case TEXT -> readLines(body, batch, this::textLine);
		}
		if (batch.index == 0) {
			throw new IngestException(ProblemType.MALFORMED_BODY, "the body holds no event");
		}
		return new EventBatch(batch.accepted, batch.rejected);
	}

	private void readJson(byte[] body, Batch batch) {
		try (JsonParser parser = this.mapper.createParser(body)) {
			JsonToken first = parser.nextToken();
			if (first == JsonToken.START_ARRAY) {
				while (parser.nextToken() != JsonToken.END_ARRAY) {
					long start = parser.currentTokenLocation().getByteOffset();
					JsonNode event = this.elementReader.readTree(parser);
					batch.add(event, parser.currentLocation().getByteOffset() - start);
				}
			}
			else if (first == JsonToken.START_OBJECT) {
				batch.add(this.elementReader.readTree(parser), body.length);
			}
			else {
				throw new IngestException(ProblemType.MALFORMED_BODY,
						"the body must be a JSON object or an array of objects, not " + describe(first));
			}
			if (parser.nextToken() != null) {
				throw new IngestException(ProblemType.MALFORMED_BODY,
						"the body is not valid JSON: content after the end of the first value at "
								+ parser.currentTokenLocation().offsetDescription());
			}
		}
		catch (JacksonException ex) {
			throw new IngestException(ProblemType.MALFORMED_BODY, "the body is not valid JSON: "
					+ ex.getOriginalMessage() + " at " + ex.getLocation().offsetDescription(), ex);
		}
	}

	private void readLines(byte[] body, Batch batch, LineReader lineReader) {
		int start = 0;
		while (start < body.length) {
			int end = start;
			while (end < body.length && body[end] != '\n') {
				end++;
			}
			int lineEnd = (end > start && body[end - 1] == '\r') ? end - 1 : end;
			if (!isBlank(body, start, lineEnd)) {
				lineReader.read(body, start, lineEnd - start, batch);
			}
			start = end + 1;
		}
	}

	private void ndjsonLine(byte[] body, int offset, int length, Batch batch) {
		if (length > this.limits.maxEventSize().toBytes()) {
			batch.reject(ProblemType.EVENT_TOO_LARGE, eventTooLarge(length));
			return;
		}
		JsonNode event;
		try {
			event = this.mapper.readTree(body, offset, length);
		}
		catch (JacksonException ex) {
			batch.reject(ProblemType.INVALID_EVENT, "the line is not valid JSON: " + ex.getOriginalMessage());
			return;
		}
		batch.add(event, length);
	}

	private void textLine(byte[] body, int offset, int length, Batch batch) {
		if (length > this.limits.maxEventSize().toBytes()) {
			batch.reject(ProblemType.EVENT_TOO_LARGE, eventTooLarge(length));
			return;
		}
		ObjectNode event = this.mapper.createObjectNode();
		event.put("message", new String(body, offset, length, StandardCharsets.UTF_8));
		batch.add(event, length);
	}

	private void checkLimits(JsonNode event, long size) {
		if (size > this.limits.maxEventSize().toBytes()) {
			throw new IngestException(ProblemType.EVENT_TOO_LARGE, eventTooLarge(size));
		}
		// Iterative walk: the parser already bounds the depth (Jackson's
		// StreamReadConstraints), this bounds what an event may carry on.
		int fields = 0;
		Deque<JsonNode> nodes = new ArrayDeque<>();
		Deque<Integer> depths = new ArrayDeque<>();
		nodes.push(event);
		depths.push(1);
		while (!nodes.isEmpty()) {
			JsonNode node = nodes.pop();
			int depth = depths.pop();
			if (node.isObject() || node.isArray()) {
				if (depth > this.limits.maxDepth()) {
					throw new IngestException(ProblemType.EVENT_TOO_COMPLEX, "the event is nested deeper than "
							+ IngestLimitsProperties.PREFIX + "max-depth (" + this.limits.maxDepth() + ")");
				}
				if (node.isObject()) {
					fields += node.size();
				}
				for (JsonNode child : node) {
					nodes.push(child);
					depths.push(depth + 1);
				}
			}
		}
		if (fields > this.limits.maxFieldsPerEvent()) {
			throw new IngestException(ProblemType.EVENT_TOO_COMPLEX, "the event has " + fields + " fields, more than "
					+ IngestLimitsProperties.PREFIX + "max-fields-per-event (" + this.limits.maxFieldsPerEvent() + ")");
		}
	}

	private String eventTooLarge(long size) {
		return "the event is " + size + " bytes, more than " + IngestLimitsProperties.PREFIX + "max-event-size ("
				+ this.limits.maxEventSize() + ")";
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
		String service = named(object, "service").or(() -> Optional.ofNullable(context.defaultService()))
			.orElse(Source.UNKNOWN_SERVICE);
		Category category = category(object, service, message.asString(), context);
		Source source = new Source(service,
				named(object, "host").or(() -> Optional.ofNullable(context.defaultHost())).orElse(null),
				text(object, "environment").or(() -> grouped(object, "service", "environment")).orElse(null),
				context.clientAddress());
		String tenant = context.client().tenant();
		String id = (context.idempotencyKey() != null) ? EventIds.derived(tenant, context.idempotencyKey(), index)
				: EventIds.newId();
		return new RawLogRecord(RawLogRecord.SCHEMA_VERSION, id, tenant, context.receivedAt(), category,
				RawLogRecord.PROTOCOL_NATIVE, source, message.asString(), fieldsWithoutMessage(object),
				text(object, "format").or(() -> Optional.ofNullable(context.defaultFormat())).orElse(null));
	}

	/**
	 * The event's own category field, else the request's, else the first routing rule
	 * that matches, else app. The key must be allowed to write a category the client
	 * asked for; a category the operator's rules chose is not the client's to refuse.
	 */
	private Category category(ObjectNode event, String service, String message, RequestContext context) {
		Optional<String> named = text(event, "category");
		if (named.isPresent()) {
			return RequestedCategory.of(context.client(), named.get());
		}
		if (context.defaultCategory() != null) {
			// Already checked against the key when the request was read.
			return context.defaultCategory();
		}
		return this.router.route(service, message).orElse(Category.APP);
	}

	/** A plain string field. */
	private static Optional<String> text(ObjectNode event, String name) {
		JsonNode value = event.get(name);
		return (value != null && value.isString()) ? Optional.of(value.asString()) : Optional.empty();
	}

	/**
	 * A field of an ECS group, given as an object {@code "group": {"field": "x"}} or with
	 * a dotted key {@code "group.field": "x"}.
	 */
	private static Optional<String> grouped(ObjectNode event, String group, String field) {
		JsonNode value = event.get(group);
		if (value != null && value.isObject() && value.get(field) != null && value.get(field).isString()) {
			return Optional.of(value.get(field).asString());
		}
		return text(event, group + "." + field);
	}

	/**
	 * The name of a group such as {@code service} or {@code host}: a plain string
	 * {@code "service": "x"} stands for {@code service.name}.
	 */
	private static Optional<String> named(ObjectNode event, String group) {
		return text(event, group).or(() -> grouped(event, group, "name"));
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

	private static boolean isBlank(byte[] body, int start, int end) {
		for (int i = start; i < end; i++) {
			if (body[i] != ' ' && body[i] != '\t') {
				return false;
			}
		}
		return true;
	}

	private static String describe(JsonToken token) {
		if (token == null) {
			return "nothing";
		}
		return switch (token) {
			case VALUE_STRING -> "a string";
			case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
			case VALUE_TRUE, VALUE_FALSE -> "a boolean";
			case VALUE_NULL -> "null";
			default -> token.name().toLowerCase(Locale.ROOT);
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

	@FunctionalInterface
	private interface LineReader {

		void read(byte[] body, int offset, int length, Batch batch);

	}

	/** The events of one request as they are read, counted against the event limit. */
	private final class Batch {

		private final RequestContext context;

		private final List<RawLogRecord> accepted = new ArrayList<>();

		private final List<Rejection> rejected = new ArrayList<>();

		private int index;

		private Batch(RequestContext context) {
			this.context = context;
		}

		void add(JsonNode event, long size) {
			int position = next();
			try {
				checkLimits(event, size);
				this.accepted.add(toRecord(event, position, this.context));
			}
			catch (IngestException ex) {
				this.rejected.add(Rejection.of(position, ex.type(), ex.getMessage()));
			}
		}

		void reject(ProblemType type, String detail) {
			this.rejected.add(Rejection.of(next(), type, detail));
		}

		private int next() {
			if (this.index >= EventBatchReader.this.limits.maxEvents()) {
				throw new LimitExceededException(ProblemType.TOO_MANY_EVENTS,
						IngestLimitsProperties.PREFIX + "max-events",
						Integer.toString(EventBatchReader.this.limits.maxEvents()), "the request has more than "
								+ EventBatchReader.this.limits.maxEvents() + " events; split it into smaller batches");
			}
			return this.index++;
		}

	}

}
