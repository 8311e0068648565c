package io.logpipe.ingest.protocol.elasticsearch;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.nio.charset.StandardCharsets;

import io.swagger.v3.oas.annotations.Hidden;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.logpipe.common.codec.EventCodec;
import io.logpipe.ingest.auth.AuthenticatedClient;
import io.logpipe.ingest.auth.CredentialScheme;
import io.logpipe.ingest.auth.Credentials;
import tools.jackson.databind.node.ObjectNode;

/**
 * The calls shippers make before they send, answered so that their default configurations
 * start: {@code HEAD /} and {@code GET /} (Logstash, Beats, Vector, the clients' product
 * check), {@code GET /_license} (Beats and Logstash on every connect; it cannot be
 * switched off), the index template, data stream and ILM policy checks and puts of
 * Filebeat and Logstash (checks answer "not there", puts are acknowledged and ignored:
 * logpipe's indexer owns the templates), Logstash's rollover alias, and the health checks
 * of Vector ({@code _cluster/health}) and rsyslog ({@code _cat/health}). Every probe
 * needs a valid key, as Elasticsearch's would; Spring answers {@code HEAD} with the
 * {@code GET} mapping's status and headers.
 */
@Hidden
@RestController
@Credentials({ CredentialScheme.API_KEY, CredentialScheme.BASIC, CredentialScheme.BEARER })
class ProbesController {

	private static final String BUILD_DATE = "2025-01-01T00:00:00.000Z";

	private final ElasticsearchProperties properties;

	private final ElasticsearchResponses responses;

	private final String clusterUuid;

	ProbesController(ElasticsearchProperties properties, EventCodec codec) {
		this.properties = properties;
		this.responses = new ElasticsearchResponses(codec.mapper());
		// A stable id per name, 22 characters like Elasticsearch's.
		this.clusterUuid = UUID.nameUUIDFromBytes(properties.clusterName().getBytes(StandardCharsets.UTF_8))
			.toString()
			.replace("-", "")
			.substring(0, 22);
	}

	@GetMapping("/")
	ResponseEntity<String> info(AuthenticatedClient client) {
		// The Java client's InfoResponse requires every one of these fields.
		ObjectNode body = this.responses.object();
		body.put("name", this.properties.clusterName() + "-ingest")
			.put("cluster_name", this.properties.clusterName())
			.put("cluster_uuid", this.clusterUuid);
		String version = this.properties.version();
		boolean nine = version.startsWith("9.");
		body.putObject("version")
			.put("number", version)
			.put("build_flavor", "default")
			.put("build_type", "tar")
			.put("build_hash", "0".repeat(40))
			.put("build_date", BUILD_DATE)
			.put("build_snapshot", false)
			.put("lucene_version", nine ? "10.2.2" : "9.12.2")
			.put("minimum_wire_compatibility_version", nine ? "8.19.0" : "7.17.0")
			.put("minimum_index_compatibility_version", nine ? "8.0.0" : "7.0.0");
		body.put("tagline", "You Know, for Search");
		return this.responses.json(HttpStatus.OK, body);
	}

	@GetMapping("/_license")
	ResponseEntity<String> license(AuthenticatedClient client) {
		// Beats accept only their known type and status values; Logstash needs "active".
		ObjectNode license = this.responses.object();
		license.put("status", "active")
			.put("uid", UUID.nameUUIDFromBytes(this.clusterUuid.getBytes(StandardCharsets.UTF_8)).toString())
			.put("type", "basic")
			.put("issue_date", BUILD_DATE)
			.put("issue_date_in_millis", Instant.parse(BUILD_DATE).toEpochMilli())
			.put("max_nodes", 1000)
			.put("issued_to", this.properties.clusterName())
			.put("issuer", "elasticsearch")
			.put("start_date_in_millis", -1);
		ObjectNode body = this.responses.object();
		body.set("license", license);
		return this.responses.json(HttpStatus.OK, body);
	}

	@GetMapping({ "/_index_template/{name}", "/_template/{name}", "/_component_template/{name}", "/_data_stream/{name}",
			"/_ilm/policy/{name}" })
	ResponseEntity<String> notThere(AuthenticatedClient client, @PathVariable String name) {
		// "Not there" makes Filebeat and Logstash put theirs, which is acknowledged
		// below.
		HttpStatus status = HttpStatus.NOT_FOUND;
		return this.responses.json(status, this.responses.error(status, "resource_not_found_exception",
				"[" + name + "] is managed by logpipe, not by the client"));
	}

	@PutMapping({ "/_index_template/{name}", "/_template/{name}", "/_component_template/{name}", "/_data_stream/{name}",
			"/_ilm/policy/{name}" })
	ResponseEntity<String> acknowledge(AuthenticatedClient client, @PathVariable String name) {
		return this.responses.json(HttpStatus.OK, this.responses.object().put("acknowledged", true));
	}

	/**
	 * Logstash's ILM rollover alias: {@code HEAD /{alias}}, then {@code PUT
	 * /<alias-{now/d}-000001>}.
	 */
	@RequestMapping(method = RequestMethod.HEAD, path = "/{index}")
	ResponseEntity<String> indexExists(AuthenticatedClient client, @PathVariable String index) {
		return this.responses.json(HttpStatus.OK, this.responses.object());
	}

	@PutMapping("/{index}")
	ResponseEntity<String> createIndex(AuthenticatedClient client, @PathVariable String index) {
		return this.responses.json(HttpStatus.OK,
				this.responses.object().put("acknowledged", true).put("shards_acknowledged", true).put("index", index));
	}

	@GetMapping("/_cluster/health")
	ResponseEntity<String> clusterHealth(AuthenticatedClient client) {
		ObjectNode body = this.responses.object();
		body.put("cluster_name", this.properties.clusterName())
			.put("status", "green")
			.put("timed_out", false)
			.put("number_of_nodes", 1)
			.put("number_of_data_nodes", 1)
			.put("active_primary_shards", 0)
			.put("active_shards", 0)
			.put("relocating_shards", 0)
			.put("initializing_shards", 0)
			.put("unassigned_shards", 0)
			.put("active_shards_percent_as_number", 100.0);
		return this.responses.json(HttpStatus.OK, body);
	}

	@GetMapping("/_cat/health")
	ResponseEntity<String> catHealth(AuthenticatedClient client,
			@RequestParam(name = "format", required = false) String format) {
		Instant now = Instant.now();
		String time = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC).format(now);
		if ("json".equals(format)) {
			String body = "[" + this.responses.write(this.responses.object()
				.put("epoch", Long.toString(now.getEpochSecond()))
				.put("timestamp", time)
				.put("cluster", this.properties.clusterName())
				.put("status", "green")) + "]";
			return ElasticsearchResponses.status(HttpStatus.OK).body(body);
		}
		return ElasticsearchResponses.status(HttpStatus.OK)
			.contentType(MediaType.TEXT_PLAIN)
			.body(now.getEpochSecond() + " " + time + " " + this.properties.clusterName()
					+ " green 1 1 0 0 0 0 0 0 - 100.0%\n");
	}

}
