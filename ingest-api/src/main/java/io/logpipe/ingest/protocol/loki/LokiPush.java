package io.logpipe.ingest.protocol.loki;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.github.loki4j.pkg.google.protobuf.Timestamp;
import com.github.loki4j.pkg.loki.protobuf.Push;
import com.google.protobuf.InvalidProtocolBufferException;

import io.logpipe.ingest.body.RequestBodyReader;
import io.logpipe.ingest.problem.ProblemType;
import io.logpipe.ingest.protocol.ProtocolItem;
import io.logpipe.service.problem.ProblemException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a Loki push body as Loki's distributor does: {@code application/json} is the JSON
 * push, anything else (including no content type) is a snappy block-compressed protobuf
 * {@code PushRequest}. A {@code Content-Encoding: snappy} (Vector sends it with the
 * protobuf body) was already undone by the ingest seam, so the body is then plain
 * protobuf.
 */
final class LokiPush {

	private final JsonMapper mapper;

	private final RequestBodyReader bodyReader;

	LokiPush(JsonMapper mapper, RequestBodyReader bodyReader) {
		this.mapper = mapper;
		this.bodyReader = bodyReader;
	}

	/**
	 * @param contentType the request's {@code Content-Type}, or {@code null}
	 * @param contentEncoding the request's {@code Content-Encoding}, or {@code null}
	 * @throws ProblemException {@link ProblemType#MALFORMED_BODY} naming what does not
	 * parse, or {@link ProblemType#BODY_TOO_LARGE} for a snappy block that decodes over
	 * the body limit
	 */
	List<ProtocolItem> read(byte[] body, String contentType, String contentEncoding) {
		if (contentType != null && contentType.toLowerCase(Locale.ROOT).strip().startsWith("application/json")) {
			return readJson(body);
		}
		boolean snappyUndone = contentEncoding != null && contentEncoding.strip().equalsIgnoreCase("snappy");
		byte[] protobuf = snappyUndone ? body
				: this.bodyReader.read(new ByteArrayInputStream(body), "snappy", (decoded) -> {
				}).bytes();
		return readProtobuf(protobuf);
	}

	private List<ProtocolItem> readProtobuf(byte[] protobuf) {
		Push.PushRequest request;
		try {
			request = Push.PushRequest.parseFrom(protobuf);
		}
		catch (InvalidProtocolBufferException ex) {
			throw new ProblemException(ProblemType.MALFORMED_BODY,
					"the snappy-decoded body is not a protobuf PushRequest: " + ex.getMessage(), ex);
		}
		List<ProtocolItem> items = new ArrayList<>();
		for (Push.StreamAdapter stream : request.getStreamsList()) {
			LokiStreamMapper mapper = new LokiStreamMapper(LokiLabels.parse(stream.getLabels()));
			for (Push.EntryAdapter entry : stream.getEntriesList()) {
				Map<String, String> metadata = new LinkedHashMap<>();
				for (Push.LabelPairAdapter pair : entry.getStructuredMetadataList()) {
					metadata.put(pair.getName(), pair.getValue());
				}
				items.add(mapper.entry(instant(entry.getTimestamp()), entry.getLine(), metadata));
			}
		}
		return items;
	}

	private List<ProtocolItem> readJson(byte[] body) {
		JsonNode push;
		try {
			push = this.mapper.readTree(body);
		}
		catch (JacksonException ex) {
			throw invalidJson("the body is not valid JSON: " + ex.getOriginalMessage());
		}
		JsonNode streams = (push != null) ? push.get("streams") : null;
		if (streams == null || !streams.isArray()) {
			throw invalidJson("the body needs a 'streams' array");
		}
		List<ProtocolItem> items = new ArrayList<>();
		for (JsonNode stream : streams) {
			JsonNode labels = stream.get("stream");
			JsonNode values = stream.get("values");
			if (labels != null && !labels.isObject() && !labels.isNull()) {
				throw invalidJson("a stream's 'stream' must be an object of labels");
			}
			if (values == null || !values.isArray()) {
				throw invalidJson("a stream needs a 'values' array");
			}
			LokiStreamMapper mapper = new LokiStreamMapper(strings(labels, "a label"));
			for (JsonNode value : values) {
				if (!value.isArray() || value.size() < 2 || value.size() > 3 || !value.get(1).isString()) {
					throw invalidJson("an entry must be [\"<unix nanoseconds>\", \"<line>\"] with an optional "
							+ "object of structured metadata, not " + value);
				}
				items.add(mapper.entry(nanos(value.get(0)), value.get(1).asString(),
						strings(value.get(2), "structured metadata")));
			}
		}
		return items;
	}

	/**
	 * A JSON object of strings; winston-loki may send {@code null} for no metadata, and
	 * non-string values, which are kept as their JSON text.
	 */
	private static Map<String, String> strings(JsonNode object, String what) {
		Map<String, String> map = new LinkedHashMap<>();
		if (object == null || object.isNull()) {
			return map;
		}
		if (!object.isObject()) {
			throw invalidJson(what + " must be an object, not " + object);
		}
		for (Map.Entry<String, JsonNode> property : object.properties()) {
			JsonNode value = property.getValue();
			if (!value.isNull()) {
				map.put(property.getKey(), value.isString() ? value.asString() : value.toString());
			}
		}
		return map;
	}

	/** Unix nanoseconds, as a string (Loki's format) or, leniently, an integer. */
	private static Instant nanos(JsonNode timestamp) {
		String text = timestamp.isString() ? timestamp.asString()
				: timestamp.isIntegralNumber() ? timestamp.asString() : null;
		if (text == null || text.isEmpty() || !text.chars().allMatch(Character::isDigit) || text.length() > 19) {
			throw invalidJson("an entry's timestamp must be unix nanoseconds as a string, not " + timestamp);
		}
		try {
			long nanos = Long.parseLong(text);
			return Instant.ofEpochSecond(nanos / 1_000_000_000L, nanos % 1_000_000_000L);
		}
		catch (NumberFormatException ex) {
			throw invalidJson("an entry's timestamp is past the range of unix nanoseconds: " + text);
		}
	}

	private static Instant instant(Timestamp timestamp) {
		return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
	}

	private static ProblemException invalidJson(String detail) {
		return new ProblemException(ProblemType.MALFORMED_BODY, detail);
	}

}
