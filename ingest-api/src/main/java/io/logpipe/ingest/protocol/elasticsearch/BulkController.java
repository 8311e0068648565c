package io.logpipe.ingest.protocol.elasticsearch;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.swagger.v3.oas.annotations.Hidden;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import io.logpipe.common.codec.EventCodec;
import io.logpipe.ingest.auth.AuthenticatedClient;
import io.logpipe.ingest.auth.CredentialScheme;
import io.logpipe.ingest.auth.Credentials;
import io.logpipe.ingest.problem.ProblemType;
import io.logpipe.ingest.protocol.Protocol;
import io.logpipe.ingest.protocol.ProtocolIngest;
import io.logpipe.ingest.protocol.ProtocolItem;
import io.logpipe.ingest.protocol.ProtocolOutcome;
import io.logpipe.ingest.protocol.RejectionPolicy;
import io.logpipe.service.problem.ProblemException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Elasticsearch's document APIs as shippers use them: {@code _bulk} (Filebeat, Logstash,
 * Fluent Bit, Vector, rsyslog in bulk mode, the Elasticsearch clients) and
 * {@code /{index}/_doc} (rsyslog's default single-document mode).
 *
 * <p>
 * The bulk answer has one item per action, in order, keyed by the action's name, with
 * {@code took}, {@code errors}, {@code items} in that order. Only permanent per-document
 * errors (400) are answered item by item; transient trouble fails the whole request (see
 * {@link ElasticsearchErrors}), because Fluent Bit and Vector drop the failed items of a
 * mixed answer and Logstash retries anything but 400, 404 and 409 forever.
 */
@Hidden
@RestController
@Credentials({ CredentialScheme.API_KEY, CredentialScheme.BASIC, CredentialScheme.BEARER })
class BulkController {

	private final ProtocolIngest ingest;

	private final BulkRequestParser parser;

	private final SourceDocuments documents;

	private final ElasticsearchResponses responses;

	private final EventCodec codec;

	private final Clock clock;

	BulkController(ProtocolIngest ingest, EventCodec codec, Clock clock) {
		this.ingest = ingest;
		this.parser = new BulkRequestParser(codec.mapper());
		this.documents = new SourceDocuments(codec.mapper());
		this.responses = new ElasticsearchResponses(codec.mapper());
		this.codec = codec;
		this.clock = clock;
	}

	@RequestMapping(method = { RequestMethod.POST, RequestMethod.PUT }, path = { "/_bulk", "/{index}/_bulk" })
	ResponseEntity<String> bulk(AuthenticatedClient client, @PathVariable(required = false) String index,
			HttpServletRequest request, HttpServletResponse response) {
		long start = this.clock.millis();
		List<BulkAction> actions = new ArrayList<>();
		ProtocolOutcome outcome = this.ingest.ingest(Protocol.ELASTICSEARCH, client, request, response,
				RejectionPolicy.PER_ITEM, (body) -> {
					actions.addAll(this.parser.parse(body, index));
					return actions.stream().map(BulkAction::item).toList();
				});
		ObjectNode answer = this.responses.object();
		answer.put("took", Math.max(0, this.clock.millis() - start));
		answer.put("errors", outcome.accepted() < actions.size());
		ArrayNode items = answer.putArray("items");
		for (ProtocolOutcome.Item item : outcome.items()) {
			BulkAction action = actions.get(item.index());
			items.addObject().set(action.action(), result(action, item));
		}
		return this.responses.json(HttpStatus.OK, answer);
	}

	@RequestMapping(method = { RequestMethod.POST, RequestMethod.PUT },
			path = { "/{index}/_doc", "/{index}/_doc/{id}", "/{index}/_create/{id}" })
	ResponseEntity<String> document(AuthenticatedClient client, @PathVariable String index,
			@PathVariable(required = false) String id, HttpServletRequest request, HttpServletResponse response) {
		ProtocolOutcome outcome = this.ingest.ingest(Protocol.ELASTICSEARCH, client, request, response,
				RejectionPolicy.WHOLE_REQUEST, (body) -> List.of(document(body, index, id)));
		ProtocolOutcome.Item item = outcome.items().getFirst();
		ObjectNode answer = created(index, (id != null) ? id : item.id());
		return this.responses.json(HttpStatus.CREATED, answer);
	}

	private ProtocolItem document(byte[] body, String index, String id) {
		if (body.length == 0) {
			throw new ProblemException(ProblemType.MALFORMED_BODY, "the request body is required: a JSON document");
		}
		JsonNode node;
		try {
			node = this.codec.mapper().readTree(body);
		}
		catch (JacksonException ex) {
			throw new ProblemException(ProblemType.MALFORMED_BODY,
					"the document is not valid JSON: " + ex.getOriginalMessage());
		}
		if (!(node instanceof ObjectNode object)) {
			throw new ProblemException(ProblemType.MALFORMED_BODY, "the document must be a JSON object");
		}
		return this.documents.toEvent(object, index, id, body.length);
	}

	private ObjectNode result(BulkAction action, ProtocolOutcome.Item item) {
		if (item.accepted()) {
			ObjectNode result = created(action.index(), (action.id() != null) ? action.id() : item.id());
			result.put("status", HttpStatus.CREATED.value());
			return result;
		}
		ObjectNode result = this.responses.object().put("_index", action.index());
		if (action.id() != null) {
			result.put("_id", action.id());
		}
		result.put("status", HttpStatus.BAD_REQUEST.value());
		ObjectNode error = result.putObject("error");
		error.put("type", ElasticsearchErrors.errorType(item.rejection().reason()));
		error.put("reason", item.rejection().detail());
		return result;
	}

	private ObjectNode created(String index, String id) {
		ObjectNode result = this.responses.object();
		result.put("_index", index).put("_id", id).put("_version", 1).put("result", "created");
		result.putObject("_shards").put("total", 1).put("successful", 1).put("failed", 0);
		result.put("_seq_no", 0).put("_primary_term", 1);
		return result;
	}

}
