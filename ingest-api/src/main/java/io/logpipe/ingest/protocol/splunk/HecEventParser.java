package io.logpipe.ingest.protocol.splunk;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.logpipe.ingest.protocol.EcsGroups;
import io.logpipe.ingest.protocol.ProtocolEvent;
import io.logpipe.ingest.protocol.ProtocolItem;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the body of {@code /services/collector/event}: JSON event objects one after the
 * other, with or without whitespace between them (Fluent Bit and the OpenTelemetry
 * exporter write them back to back). Every object must carry a non-blank {@code event};
 * {@code time} is epoch seconds as a number or a string ({@code "1700000000.123"} from
 * splunk-logging); {@code host}, {@code source}, {@code sourcetype}, {@code index} and
 * the indexed {@code fields} are kept.
 *
 * <p>
 * The event becomes the message when it is a string, its fields when it is an object. The
 * indexed fields join them (an event's own field wins), {@code time} becomes
 * {@code @timestamp}, and {@code source}, {@code sourcetype} and {@code index} go under
 * {@code splunk}. The service, host and environment are read from {@code service} (or
 * {@code service.name}), {@code host} and {@code environment} (or
 * {@code service.environment}), in the event or the indexed fields.
 *
 * <p>
 * A bad event fails the whole request with its HEC code and number, so that nothing of a
 * request the client will not retry is half taken.
 */
final class HecEventParser {

	private final JsonMapper mapper;

	private final ObjectReader reader;

	HecEventParser(JsonMapper mapper) {
		this.mapper = mapper;
		this.reader = mapper.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
	}

	List<ProtocolItem> parse(byte[] body) {
		List<ProtocolItem> events = new ArrayList<>();
		try (JsonParser parser = this.mapper.createParser(body)) {
			JsonToken token;
			while ((token = parser.nextToken()) != null) {
				int number = events.size();
				if (token != JsonToken.START_OBJECT) {
					throw new HecException(HecStatus.INVALID_DATA_FORMAT, number,
							"event " + number + " is not a JSON object");
				}
				long start = parser.currentTokenLocation().getByteOffset();
				ObjectNode object = (ObjectNode) this.reader.readTree(parser);
				long size = parser.currentLocation().getByteOffset() - start;
				events.add(toEvent(object, number, size));
			}
		}
		catch (JacksonException ex) {
			throw new HecException(HecStatus.INVALID_DATA_FORMAT, events.size(),
					"event " + events.size() + " is not valid JSON: " + ex.getOriginalMessage());
		}
		if (events.isEmpty()) {
			throw new HecException(HecStatus.NO_DATA, "the body holds no event");
		}
		return events;
	}

	private ProtocolEvent toEvent(ObjectNode object, int number, long size) {
		JsonNode event = object.get("event");
		if (event == null) {
			throw new HecException(HecStatus.EVENT_FIELD_REQUIRED, number,
					"event " + number + " has no \"event\" field");
		}
		if (event.isNull() || (event.isString() && event.asString().isBlank())
				|| (event.isContainer() && event.isEmpty())) {
			throw new HecException(HecStatus.EVENT_FIELD_BLANK, number,
					"event " + number + " has a blank \"event\" field");
		}
		Map<String, Object> fields = new LinkedHashMap<>();
		String message = null;
		if (event instanceof ObjectNode structured) {
			for (Map.Entry<String, JsonNode> field : structured.properties()) {
				if (field.getKey().equals("message") && field.getValue().isString()) {
					message = field.getValue().asString();
				}
				else {
					fields.put(field.getKey(), this.mapper.treeToValue(field.getValue(), Object.class));
				}
			}
		}
		else {
			message = event.isString() ? event.asString() : this.mapper.writeValueAsString(event);
		}
		JsonNode indexed = object.get("fields");
		if (indexed != null && !indexed.isNull()) {
			if (!(indexed instanceof ObjectNode indexedObject)) {
				throw new HecException(HecStatus.INDEXED_FIELDS, number,
						"event " + number + ": \"fields\" must be an object");
			}
			for (Map.Entry<String, JsonNode> field : indexedObject.properties()) {
				fields.putIfAbsent(field.getKey(), this.mapper.treeToValue(field.getValue(), Object.class));
			}
		}
		JsonNode time = object.get("time");
		if (time != null && !time.isNull()) {
			fields.put("@timestamp", instant(time, number).toString());
		}
		Map<String, Object> splunk = new LinkedHashMap<>();
		for (String name : new String[] { "source", "sourcetype", "index" }) {
			String value = text(object, name);
			if (value != null) {
				splunk.put(name, value);
			}
		}
		if (!splunk.isEmpty()) {
			fields.putIfAbsent("splunk", splunk);
		}
		String host = text(object, "host");
		return new ProtocolEvent(message, fields, EcsGroups.name(fields, "service").orElse(null),
				(host != null) ? host : EcsGroups.name(fields, "host").orElse(null),
				EcsGroups.text(fields, "environment")
					.or(() -> EcsGroups.field(fields, "service", "environment"))
					.orElse(null),
				null, null, null, size);
	}

	/**
	 * HEC's {@code time}: epoch seconds with an optional fraction, as number or string.
	 */
	private static Instant instant(JsonNode time, int number) {
		try {
			BigDecimal seconds = time.isNumber() ? time.decimalValue()
					: time.isString() ? new BigDecimal(time.asString().strip()) : null;
			if (seconds != null) {
				BigDecimal nanos = seconds.movePointRight(9).setScale(0, java.math.RoundingMode.DOWN);
				return Instant.ofEpochSecond(0, 0).plusNanos(nanos.longValueExact());
			}
		}
		catch (NumberFormatException | ArithmeticException ex) {
			// Answered below with the event's number.
		}
		throw new HecException(HecStatus.INVALID_DATA_FORMAT, number,
				"event " + number + ": \"time\" must be epoch seconds, such as 1700000000.123");
	}

	private static String text(ObjectNode object, String name) {
		JsonNode value = object.get(name);
		return (value != null && value.isString() && !value.asString().isBlank()) ? value.asString() : null;
	}

}
