package io.logpipe.ingest.protocol.elasticsearch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.logpipe.ingest.problem.ProblemType;
import io.logpipe.ingest.protocol.ProtocolItem;
import io.logpipe.service.problem.ProblemException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a {@code _bulk} body: NDJSON pairs of an action line and a source line
 * ({@code delete} has none). Blank lines and a missing final newline are tolerated, and
 * metadata ingest has no use for ({@code _type}, {@code routing}, {@code pipeline},
 * {@code if_seq_no}, ...) is ignored.
 *
 * <p>
 * A body whose actions cannot be told apart fails as a whole, before anything is
 * published: an action line that is not a JSON object naming one known action, an action
 * without its source line (the body was cut), an action without an index, or a last line
 * that is cut mid-document. A source that is not a JSON object is rejected as its item
 * alone, as Elasticsearch does; so are {@code update} and {@code delete}, which an
 * append-only log store cannot honour.
 */
final class BulkRequestParser {

	private static final List<String> ACTIONS = List.of("index", "create", "update", "delete");

	private final JsonMapper mapper;

	private final SourceDocuments documents;

	BulkRequestParser(JsonMapper mapper) {
		this.mapper = mapper;
		this.documents = new SourceDocuments(mapper);
	}

	/**
	 * @param body the decoded body
	 * @param pathIndex the index of {@code /{index}/_bulk}, or {@code null}
	 * @throws ProblemException {@link ProblemType#MALFORMED_BODY} when the actions cannot
	 * be read
	 */
	List<BulkAction> parse(byte[] body, String pathIndex) {
		List<Line> lines = lines(body);
		if (lines.isEmpty()) {
			throw malformed("the request body is required: NDJSON action and source lines");
		}
		List<BulkAction> actions = new ArrayList<>();
		int next = 0;
		while (next < lines.size()) {
			Line actionLine = lines.get(next++);
			Map.Entry<String, JsonNode> action = action(body, actionLine);
			String name = action.getKey();
			JsonNode metadata = action.getValue();
			String index = text(metadata, "_index", pathIndex);
			if (index == null) {
				throw malformed("the " + name + " action on line " + actionLine.number()
						+ " names no index: give \"_index\" or post to /{index}/_bulk");
			}
			String id = text(metadata, "_id", null);
			if (name.equals("delete")) {
				actions.add(new BulkAction(name, index, id, ProtocolItem.invalid(ProblemType.INVALID_EVENT,
						"logpipe keeps logs append-only: the delete action is not supported")));
				continue;
			}
			if (next >= lines.size()) {
				throw malformed("the " + name + " action on line " + actionLine.number()
						+ " has no source line: the body ends after it (was it cut?)");
			}
			Line sourceLine = lines.get(next++);
			if (name.equals("update")) {
				actions.add(new BulkAction(name, index, id, ProtocolItem.invalid(ProblemType.INVALID_EVENT,
						"logpipe keeps logs append-only: the update action is not supported; use create or index")));
				continue;
			}
			actions.add(new BulkAction(name, index, id, source(body, sourceLine, index, id)));
		}
		return actions;
	}

	private Map.Entry<String, JsonNode> action(byte[] body, Line line) {
		JsonNode node;
		try {
			node = this.mapper.readTree(body, line.offset(), line.length());
		}
		catch (JacksonException ex) {
			throw malformed("the action line " + line.number() + " is not valid JSON: " + ex.getOriginalMessage());
		}
		if (node instanceof ObjectNode object && object.size() == 1) {
			Map.Entry<String, JsonNode> action = object.properties().iterator().next();
			if (ACTIONS.contains(action.getKey()) && action.getValue().isObject()) {
				return action;
			}
		}
		throw malformed("the action line " + line.number()
				+ " must be an object with one of index, create, update or delete, such as {\"create\":{}}");
	}

	private ProtocolItem source(byte[] body, Line line, String index, String id) {
		JsonNode node;
		try {
			node = this.mapper.readTree(body, line.offset(), line.length());
		}
		catch (JacksonException ex) {
			if (line.last() && !line.terminated()) {
				// An unterminated last line that does not parse is a cut body, not a bad
				// document: fail it all, so that the client's retry does not duplicate.
				throw malformed("the last line " + line.number() + " is cut short: " + ex.getOriginalMessage());
			}
			return ProtocolItem.invalid(ProblemType.INVALID_EVENT,
					"the source on line " + line.number() + " is not valid JSON: " + ex.getOriginalMessage());
		}
		if (!(node instanceof ObjectNode object)) {
			return ProtocolItem.invalid(ProblemType.INVALID_EVENT,
					"the source on line " + line.number() + " must be a JSON object");
		}
		return this.documents.toEvent(object, index, id, line.length());
	}

	private static String text(JsonNode metadata, String name, String fallback) {
		JsonNode value = metadata.get(name);
		return (value != null && value.isString() && !value.asString().isBlank()) ? value.asString() : fallback;
	}

	/** The non-blank lines, numbered from 1 as an editor shows them. */
	private static List<Line> lines(byte[] body) {
		List<Line> lines = new ArrayList<>();
		int start = 0;
		int number = 1;
		while (start < body.length) {
			int end = start;
			while (end < body.length && body[end] != '\n') {
				end++;
			}
			int contentEnd = (end > start && body[end - 1] == '\r') ? end - 1 : end;
			if (!blank(body, start, contentEnd)) {
				lines.add(new Line(number, start, contentEnd - start, end < body.length, false));
			}
			start = end + 1;
			number++;
		}
		if (!lines.isEmpty()) {
			Line last = lines.removeLast();
			lines.add(new Line(last.number(), last.offset(), last.length(), last.terminated(), true));
		}
		return lines;
	}

	private static boolean blank(byte[] body, int start, int end) {
		for (int i = start; i < end; i++) {
			if (body[i] != ' ' && body[i] != '\t') {
				return false;
			}
		}
		return true;
	}

	private static ProblemException malformed(String detail) {
		return new ProblemException(ProblemType.MALFORMED_BODY, detail);
	}

	private record Line(int number, int offset, int length, boolean terminated, boolean last) {
	}

}
