package io.logpipe.ingest.protocol.splunk;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** HEC's answer shape: {@code {"text":"…","code":n}}, as JSON. */
final class HecResponses {

	private final JsonMapper mapper;

	HecResponses(JsonMapper mapper) {
		this.mapper = mapper;
	}

	ResponseEntity<String> answer(HecStatus status) {
		return ResponseEntity.status(status.httpStatus()).contentType(MediaType.APPLICATION_JSON).body(body(status));
	}

	String body(HecStatus status) {
		return this.mapper.writeValueAsString(object(status));
	}

	ObjectNode object(HecStatus status) {
		return this.mapper.createObjectNode().put("text", status.text()).put("code", status.code());
	}

	String write(ObjectNode body) {
		return this.mapper.writeValueAsString(body);
	}

}
