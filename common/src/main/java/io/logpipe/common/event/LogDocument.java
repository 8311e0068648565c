package io.logpipe.common.event;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The document that is indexed: the value on parsed-logs, in the shape of the Elastic
 * Common Schema (ECS) so that Kibana and Elasticsearch users find the fields where they
 * expect them.
 *
 * <p>
 * The tenant is ECS {@code organization.id}. Fields that have no ECS home are kept under
 * {@code attributes}, which the index template maps as one {@code flattened} field so
 * that arbitrary field names cannot grow the mapping. Empty groups are left out of the
 * JSON.
 *
 * @param timestamp ECS {@code @timestamp}: when the event happened
 * @param message ECS {@code message}
 * @param event ECS {@code event.*}: id (the Elasticsearch {@code _id}), {@code created}
 * (when ingest-api received the event), dataset; {@code ingested} is left to the indexer,
 * which sets it when it hands the document to Elasticsearch
 * @param log ECS {@code log.*}: level (upper case), logger
 * @param service ECS {@code service.*}
 * @param host ECS {@code host.*}
 * @param organization ECS {@code organization.*}: the tenant
 * @param labels ECS {@code labels}: short string key/values
 * @param tags ECS {@code tags}, including markers such as {@link #TAG_PARSE_FAILURE}
 * @param error ECS {@code error.*}
 * @param http ECS {@code http.*}
 * @param url ECS {@code url.*}
 * @param userAgent ECS {@code user_agent.*}
 * @param source ECS {@code source.*}: the client side of a network event
 * @param trace ECS {@code trace.id}
 * @param span ECS {@code span.id}
 * @param process ECS {@code process.*}
 * @param attributes everything else the event carried
 * @param logpipe pipeline metadata: schema version, category, protocol
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record LogDocument(@JsonProperty("@timestamp") Instant timestamp, String message, Event event, Log log,
		Service service, Host host, Organization organization, Map<String, String> labels, List<String> tags,
		ErrorInfo error, Http http, Url url, @JsonProperty("user_agent") UserAgent userAgent, Source source,
		Trace trace, Span span, Process process, Map<String, Object> attributes, Pipeline logpipe) {

	public static final int SCHEMA_VERSION = 1;

	/**
	 * Tag of a document whose message could not be parsed; it is indexed with its raw
	 * message.
	 */
	public static final String TAG_PARSE_FAILURE = "_logpipe_parse_failure";

	/** ECS {@code event.*}. */
	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	public record Event(String id, Instant ingested, Instant created, String dataset, String original) {
	}

	/** ECS {@code log.*}. */
	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	public record Log(String level, String logger, Map<String, Object> syslog) {
	}

	/** ECS {@code service.*}. */
	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	public record Service(String name, String environment, String version) {
	}

	/** ECS {@code host.*}. */
	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	public record Host(String name) {
	}

	/** ECS {@code organization.*}; {@code id} is the tenant. */
	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	public record Organization(String id) {
	}

	/** ECS {@code error.*}. */
	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	public record ErrorInfo(String type, String message, @JsonProperty("stack_trace") String stackTrace) {
	}

	/** ECS {@code http.*}. */
	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	public record Http(String version, Request request, Response response) {

		@JsonInclude(JsonInclude.Include.NON_EMPTY)
		public record Request(String method, String referrer) {
		}

		@JsonInclude(JsonInclude.Include.NON_EMPTY)
		public record Response(@JsonProperty("status_code") Integer statusCode, Body body) {
		}

		@JsonInclude(JsonInclude.Include.NON_EMPTY)
		public record Body(Long bytes) {
		}

	}

	/** ECS {@code url.*}. */
	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	public record Url(String original, String path, String query, String domain) {
	}

	/** ECS {@code user_agent.*}. */
	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	public record UserAgent(String original, String name, String version, Os os, Device device) {

		@JsonInclude(JsonInclude.Include.NON_EMPTY)
		public record Os(String name, String version) {
		}

		@JsonInclude(JsonInclude.Include.NON_EMPTY)
		public record Device(String name) {
		}

	}

	/** ECS {@code source.*}: the client of a network event. */
	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	public record Source(String ip, Integer port) {
	}

	/** ECS {@code trace.*}. */
	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	public record Trace(String id) {
	}

	/** ECS {@code span.*}. */
	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	public record Span(String id) {
	}

	/** ECS {@code process.*}. */
	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	public record Process(String name, Long pid) {
	}

	/**
	 * logpipe's own metadata about the document.
	 *
	 * @param schemaVersion the document's schema version
	 * @param category the raw topic family
	 * @param protocol how the event arrived
	 * @param format the format the parser read the message as
	 * @param inferred the parts of {@code @timestamp} the parser had to assume
	 * ({@code timestamp}, {@code year}, {@code zone})
	 * @param timestampOriginal the timestamp as the event wrote it, kept when a part of
	 * it was inferred or it was clamped
	 */
	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	public record Pipeline(@JsonProperty("schema_version") int schemaVersion, String category, String protocol,
			String format, List<String> inferred, @JsonProperty("timestamp_original") String timestampOriginal) {
	}

	/** The data stream's dataset and the service's name. */
	public String serviceName() {
		return (this.service != null && this.service.name() != null) ? this.service.name()
				: io.logpipe.common.event.Source.UNKNOWN_SERVICE;
	}

	/** The tenant the document belongs to. */
	public String tenant() {
		return (this.organization != null) ? this.organization.id() : null;
	}

	/** The event id, which is also the Elasticsearch {@code _id}. */
	public String id() {
		return (this.event != null) ? this.event.id() : null;
	}

	public static Builder builder() {
		return new Builder();
	}

	/** A builder that starts from this document, to change a few groups of a copy. */
	public Builder toBuilder() {
		return new Builder().timestamp(this.timestamp)
			.message(this.message)
			.event(this.event)
			.log(this.log)
			.service(this.service)
			.host(this.host)
			.organization(this.organization)
			.labels(this.labels)
			.tags(this.tags)
			.error(this.error)
			.http(this.http)
			.url(this.url)
			.userAgent(this.userAgent)
			.source(this.source)
			.trace(this.trace)
			.span(this.span)
			.process(this.process)
			.attributes(this.attributes)
			.logpipe(this.logpipe);
	}

	/** Builds a document group by group; the parser fills what it finds. */
	public static final class Builder {

		private Instant timestamp;

		private String message;

		private Event event;

		private Log log;

		private Service service;

		private Host host;

		private Organization organization;

		private Map<String, String> labels;

		private List<String> tags;

		private ErrorInfo error;

		private Http http;

		private Url url;

		private UserAgent userAgent;

		private Source source;

		private Trace trace;

		private Span span;

		private Process process;

		private Map<String, Object> attributes;

		private Pipeline logpipe;

		private Builder() {
		}

		public Builder timestamp(Instant timestamp) {
			this.timestamp = timestamp;
			return this;
		}

		public Builder message(String message) {
			this.message = message;
			return this;
		}

		public Builder event(Event event) {
			this.event = event;
			return this;
		}

		public Builder log(Log log) {
			this.log = log;
			return this;
		}

		public Builder service(Service service) {
			this.service = service;
			return this;
		}

		public Builder host(Host host) {
			this.host = host;
			return this;
		}

		public Builder organization(Organization organization) {
			this.organization = organization;
			return this;
		}

		public Builder labels(Map<String, String> labels) {
			this.labels = labels;
			return this;
		}

		public Builder tags(List<String> tags) {
			this.tags = tags;
			return this;
		}

		public Builder error(ErrorInfo error) {
			this.error = error;
			return this;
		}

		public Builder http(Http http) {
			this.http = http;
			return this;
		}

		public Builder url(Url url) {
			this.url = url;
			return this;
		}

		public Builder userAgent(UserAgent userAgent) {
			this.userAgent = userAgent;
			return this;
		}

		public Builder source(Source source) {
			this.source = source;
			return this;
		}

		public Builder trace(Trace trace) {
			this.trace = trace;
			return this;
		}

		public Builder span(Span span) {
			this.span = span;
			return this;
		}

		public Builder process(Process process) {
			this.process = process;
			return this;
		}

		public Builder attributes(Map<String, Object> attributes) {
			this.attributes = attributes;
			return this;
		}

		public Builder logpipe(Pipeline logpipe) {
			this.logpipe = logpipe;
			return this;
		}

		public LogDocument build() {
			return new LogDocument(this.timestamp, this.message, this.event, this.log, this.service, this.host,
					this.organization, this.labels, this.tags, this.error, this.http, this.url, this.userAgent,
					this.source, this.trace, this.span, this.process, this.attributes, this.logpipe);
		}

	}

}
