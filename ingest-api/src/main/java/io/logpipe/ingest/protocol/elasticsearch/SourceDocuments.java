package io.logpipe.ingest.protocol.elasticsearch;

import java.util.LinkedHashMap;
import java.util.Map;

import io.logpipe.ingest.protocol.EcsGroups;
import io.logpipe.ingest.protocol.ProtocolEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Maps an Elasticsearch document source onto a {@link ProtocolEvent}: {@code message}
 * stays the message, every other field is kept as sent (the parser finds
 * {@code @timestamp}, {@code log.level} and the other ECS fields there), and the service,
 * host and environment come from the document's ECS fields, else from the index name.
 */
final class SourceDocuments {

	private final JsonMapper mapper;

	SourceDocuments(JsonMapper mapper) {
		this.mapper = mapper;
	}

	ProtocolEvent toEvent(ObjectNode source, String index, String id, long size) {
		IndexNames names = IndexNames.of(index);
		Map<String, Object> fields = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> field : source.properties()) {
			if (!field.getKey().equals("message") || !field.getValue().isString()) {
				fields.put(field.getKey(), this.mapper.treeToValue(field.getValue(), Object.class));
			}
		}
		JsonNode message = source.get("message");
		return new ProtocolEvent((message != null && message.isString()) ? message.asString() : null, fields,
				EcsGroups.name(fields, "service").orElse(names.service()), EcsGroups.name(fields, "host").orElse(null),
				EcsGroups.field(fields, "service", "environment").orElse(names.environment()), null, null,
				(id != null) ? index + '/' + id : null, size);
	}

}
