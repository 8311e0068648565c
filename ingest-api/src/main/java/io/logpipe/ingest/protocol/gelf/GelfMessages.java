package io.logpipe.ingest.protocol.gelf;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.logpipe.ingest.body.RequestBodyReader;
import io.logpipe.ingest.problem.ProblemType;
import io.logpipe.ingest.protocol.ProtocolEvent;
import io.logpipe.ingest.protocol.ProtocolItem;
import io.logpipe.service.problem.ProblemException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a GELF over HTTP body: one GELF message, or several one after the other
 * (Graylog's bulk mode sends them newline-delimited), and maps each onto a logpipe event:
 *
 * <ul>
 * <li>{@code short_message} is the message (required), {@code host} the host,
 * {@code full_message} is kept as it is;</li>
 * <li>{@code timestamp} (seconds since the epoch with decimals) becomes
 * {@code @timestamp};</li>
 * <li>{@code level}, a syslog severity 0-7, becomes {@code log.level} and
 * {@code log.syslog.severity}; the deprecated {@code facility}, {@code file} and
 * {@code line} become {@code log.syslog.facility.name} and
 * {@code log.origin.file.*};</li>
 * <li>additional fields ({@code _name}) are kept without their underscore, so that
 * logback-gelf's {@code _logger_name} or an MDC {@code _trace_id} land where the parser
 * looks for them; {@code _service} (or {@code _service_name}) names the service,
 * {@code _environment} the environment. {@code _id} is reserved by GELF and dropped.</li>
 * </ul>
 *
 * A body compressed without a {@code Content-Encoding} is recognised by its first bytes
 * (gzip, zlib), as GELF allows.
 */
final class GelfMessages {

	private static final String[] SEVERITIES = { "emergency", "alert", "critical", "error", "warning", "notice",
			"informational", "debug" };

	private final JsonMapper mapper;

	private final ObjectReader reader;

	private final RequestBodyReader bodyReader;

	GelfMessages(JsonMapper mapper, RequestBodyReader bodyReader) {
		this.mapper = mapper;
		this.reader = mapper.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
		this.bodyReader = bodyReader;
	}

	List<ProtocolItem> read(byte[] sent) {
		byte[] body = uncompressed(sent);
		List<ProtocolItem> items = new ArrayList<>();
		try (JsonParser parser = this.mapper.createParser(body)) {
			JsonToken token;
			while ((token = parser.nextToken()) != null) {
				if (token != JsonToken.START_OBJECT) {
					throw new ProblemException(ProblemType.MALFORMED_BODY,
							"a GELF message must be a JSON object, not " + token);
				}
				long start = parser.currentTokenLocation().getByteOffset();
				JsonNode message = this.reader.readTree(parser);
				items.add(event((ObjectNode) message, parser.currentLocation().getByteOffset() - start));
			}
		}
		catch (JacksonException ex) {
			throw new ProblemException(ProblemType.MALFORMED_BODY,
					"the body is not valid GELF JSON: " + ex.getOriginalMessage(), ex);
		}
		if (items.isEmpty()) {
			throw new ProblemException(ProblemType.MALFORMED_BODY, "the body holds no GELF message");
		}
		return items;
	}

	/**
	 * gzip starts with 1f 8b; zlib with 78 and a header check that is a multiple of 31.
	 */
	private byte[] uncompressed(byte[] body) {
		if (body.length < 2) {
			return body;
		}
		int first = body[0] & 0xff;
		int second = body[1] & 0xff;
		String encoding = (first == 0x1f && second == 0x8b) ? "gzip"
				: (first == 0x78 && (first * 256 + second) % 31 == 0) ? "deflate" : null;
		if (encoding == null) {
			return body;
		}
		return this.bodyReader.read(new ByteArrayInputStream(body), encoding, (decoded) -> {
		}).bytes();
	}

	private static ProtocolItem event(ObjectNode message, long size) {
		JsonNode shortMessage = message.get("short_message");
		if (shortMessage == null || !shortMessage.isString() || shortMessage.asString().isBlank()) {
			return ProtocolItem.invalid(ProblemType.INVALID_EVENT,
					"a GELF message needs a non-empty string 'short_message'");
		}
		Map<String, Object> fields = new LinkedHashMap<>();
		Map<String, Object> syslog = new LinkedHashMap<>();
		String host = null;
		String service = null;
		String environment = null;
		for (Map.Entry<String, JsonNode> property : message.properties()) {
			String name = property.getKey();
			JsonNode value = property.getValue();
			switch (name) {
				case "short_message", "version", "_id" -> {
				}
				case "host" -> host = value.isString() ? value.asString() : value.toString();
				case "timestamp" -> {
					Instant timestamp = value.isNumber() ? instant(value.decimalValue()) : null;
					if (timestamp == null) {
						return ProtocolItem.invalid(ProblemType.INVALID_EVENT,
								"a GELF 'timestamp' must be seconds since the epoch as a number, not " + value);
					}
					fields.put("@timestamp", timestamp.toString());
				}
				case "level" -> {
					if (value.isIntegralNumber() && value.asInt() >= 0 && value.asInt() < SEVERITIES.length) {
						String severity = SEVERITIES[value.asInt()];
						fields.put("log.level", severity);
						syslog.put("severity", Map.of("code", value.asInt(), "name", severity));
					}
					else {
						fields.put("log.level", value.isString() ? value.asString() : value.toString());
					}
				}
				case "facility" -> syslog.put("facility", Map.of("name", text(value)));
				case "file" -> fields.put("log.origin.file.name", text(value));
				case "line" -> fields.put("log.origin.file.line", plain(value));
				case "_service", "_service_name" -> service = text(value);
				case "_environment" -> environment = text(value);
				default -> {
					if (!value.isNull()) {
						fields.put(name.startsWith("_") ? name.substring(1) : name, plain(value));
					}
				}
			}
		}
		if (!syslog.isEmpty()) {
			fields.put("log.syslog", syslog);
		}
		return new ProtocolEvent(shortMessage.asString(), fields, service, host, environment, null, null, null, size);
	}

	/** The instant, or {@code null} when the number is past what an instant holds. */
	private static Instant instant(BigDecimal epochSeconds) {
		BigDecimal seconds = epochSeconds.setScale(0, RoundingMode.FLOOR);
		int nanos = epochSeconds.subtract(seconds).movePointRight(9).intValue();
		try {
			return Instant.ofEpochSecond(seconds.longValueExact(), nanos);
		}
		catch (ArithmeticException | DateTimeException ex) {
			return null;
		}
	}

	private static String text(JsonNode value) {
		return value.isString() ? value.asString() : value.toString();
	}

	private static Object plain(JsonNode value) {
		if (value.isString()) {
			return value.asString();
		}
		if (value.isIntegralNumber()) {
			return value.asLong();
		}
		if (value.isNumber()) {
			return value.asDouble();
		}
		if (value.isBoolean()) {
			return value.asBoolean();
		}
		return value.toString();
	}

}
