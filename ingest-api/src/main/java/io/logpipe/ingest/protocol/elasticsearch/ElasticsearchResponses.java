package io.logpipe.ingest.protocol.elasticsearch;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Answers as Elasticsearch gives them: compact JSON (Vector and Fluent Bit look for
 * literal byte patterns such as {@code "errors":true}) with {@code X-Elastic-Product:
 * Elasticsearch}, without which the official clients refuse every answer.
 */
final class ElasticsearchResponses {

	static final String PRODUCT_HEADER = "X-Elastic-Product";

	static final String PRODUCT = "Elasticsearch";

	private final JsonMapper mapper;

	ElasticsearchResponses(JsonMapper mapper) {
		this.mapper = mapper;
	}

	ObjectNode object() {
		return this.mapper.createObjectNode();
	}

	/** A builder with the product header and the JSON content type set. */
	static ResponseEntity.BodyBuilder status(HttpStatusCode status) {
		return ResponseEntity.status(status).header(PRODUCT_HEADER, PRODUCT).contentType(MediaType.APPLICATION_JSON);
	}

	ResponseEntity<String> json(HttpStatusCode status, ObjectNode body) {
		return status(status).body(write(body));
	}

	String write(ObjectNode body) {
		return this.mapper.writeValueAsString(body);
	}

	/**
	 * Elasticsearch's error shape:
	 * {@code {"error":{"root_cause":[{"type","reason"}],"type","reason"},"status"}}.
	 */
	ObjectNode error(HttpStatusCode status, String type, String reason) {
		ObjectNode error = object();
		error.putArray("root_cause").add(object().put("type", type).put("reason", reason));
		error.put("type", type).put("reason", reason);
		ObjectNode body = object();
		body.set("error", error);
		body.put("status", status.value());
		return body;
	}

}
