package io.logpipe.common.codec;

import java.util.List;
import java.util.Map;

import io.logpipe.common.event.LogDocument;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;

/**
 * Writes a {@link LogDocument} on Jackson's streaming generator, in the bytes Jackson's
 * bean serializer wrote for it: the ECS groups in declaration order, with the
 * {@code NON_EMPTY} inclusion of the document's annotations (no {@code null}, no empty
 * string, map or list; a group whose values are all left out is still written, as
 * {@code {}}). Services of older versions read these bytes during a rolling upgrade, so
 * {@code EventCodecWireFormatTests} compares them with the bean serializer's.
 *
 * <p>
 * Why by hand: the bean serializer was 16% of parser-service's CPU (docs/performance).
 * The free-form maps ({@code labels}, {@code attributes}, {@code log.syslog}) are written
 * by {@link Json#map}.
 */
final class DocumentWriter {

	private static final SerializableString TIMESTAMP = name("@timestamp");

	private static final SerializableString MESSAGE = name("message");

	private static final SerializableString EVENT = name("event");

	private static final SerializableString LOG = name("log");

	private static final SerializableString SERVICE = name("service");

	private static final SerializableString HOST = name("host");

	private static final SerializableString ORGANIZATION = name("organization");

	private static final SerializableString LABELS = name("labels");

	private static final SerializableString TAGS = name("tags");

	private static final SerializableString ERROR = name("error");

	private static final SerializableString HTTP = name("http");

	private static final SerializableString URL = name("url");

	private static final SerializableString USER_AGENT = name("user_agent");

	private static final SerializableString SOURCE = name("source");

	private static final SerializableString TRACE = name("trace");

	private static final SerializableString SPAN = name("span");

	private static final SerializableString PROCESS = name("process");

	private static final SerializableString ATTRIBUTES = name("attributes");

	private static final SerializableString LOGPIPE = name("logpipe");

	private static final SerializableString ID = name("id");

	private static final SerializableString INGESTED = name("ingested");

	private static final SerializableString CREATED = name("created");

	private static final SerializableString DATASET = name("dataset");

	private static final SerializableString ORIGINAL = name("original");

	private static final SerializableString LEVEL = name("level");

	private static final SerializableString LOGGER = name("logger");

	private static final SerializableString SYSLOG = name("syslog");

	private static final SerializableString NAME = name("name");

	private static final SerializableString ENVIRONMENT = name("environment");

	private static final SerializableString VERSION = name("version");

	private static final SerializableString TYPE = name("type");

	private static final SerializableString STACK_TRACE = name("stack_trace");

	private static final SerializableString REQUEST = name("request");

	private static final SerializableString RESPONSE = name("response");

	private static final SerializableString METHOD = name("method");

	private static final SerializableString REFERRER = name("referrer");

	private static final SerializableString STATUS_CODE = name("status_code");

	private static final SerializableString BODY = name("body");

	private static final SerializableString BYTES = name("bytes");

	private static final SerializableString PATH = name("path");

	private static final SerializableString QUERY = name("query");

	private static final SerializableString DOMAIN = name("domain");

	private static final SerializableString OS = name("os");

	private static final SerializableString DEVICE = name("device");

	private static final SerializableString IP = name("ip");

	private static final SerializableString PORT = name("port");

	private static final SerializableString PID = name("pid");

	private static final SerializableString SCHEMA_VERSION = name("schema_version");

	private static final SerializableString CATEGORY = name("category");

	private static final SerializableString PROTOCOL = name("protocol");

	private static final SerializableString FORMAT = name("format");

	private static final SerializableString INFERRED = name("inferred");

	private static final SerializableString TIMESTAMP_ORIGINAL = name("timestamp_original");

	private DocumentWriter() {
	}

	static void write(LogDocument document, JsonGenerator out) {
		out.writeStartObject();
		Json.instant(out, TIMESTAMP, document.timestamp());
		string(out, MESSAGE, document.message());
		if (document.event() != null) {
			event(out, document.event());
		}
		if (document.log() != null) {
			log(out, document.log());
		}
		if (document.service() != null) {
			LogDocument.Service service = document.service();
			start(out, SERVICE);
			string(out, NAME, service.name());
			string(out, ENVIRONMENT, service.environment());
			string(out, VERSION, service.version());
			out.writeEndObject();
		}
		if (document.host() != null) {
			group(out, HOST, NAME, document.host().name());
		}
		if (document.organization() != null) {
			group(out, ORGANIZATION, ID, document.organization().id());
		}
		map(out, LABELS, document.labels());
		strings(out, TAGS, document.tags());
		if (document.error() != null) {
			LogDocument.ErrorInfo error = document.error();
			start(out, ERROR);
			string(out, TYPE, error.type());
			string(out, MESSAGE, error.message());
			string(out, STACK_TRACE, error.stackTrace());
			out.writeEndObject();
		}
		if (document.http() != null) {
			http(out, document.http());
		}
		if (document.url() != null) {
			LogDocument.Url url = document.url();
			start(out, URL);
			string(out, ORIGINAL, url.original());
			string(out, PATH, url.path());
			string(out, QUERY, url.query());
			string(out, DOMAIN, url.domain());
			out.writeEndObject();
		}
		if (document.userAgent() != null) {
			userAgent(out, document.userAgent());
		}
		if (document.source() != null) {
			start(out, SOURCE);
			string(out, IP, document.source().ip());
			if (document.source().port() != null) {
				out.writeName(PORT);
				out.writeNumber(document.source().port().intValue());
			}
			out.writeEndObject();
		}
		if (document.trace() != null) {
			group(out, TRACE, ID, document.trace().id());
		}
		if (document.span() != null) {
			group(out, SPAN, ID, document.span().id());
		}
		if (document.process() != null) {
			start(out, PROCESS);
			string(out, NAME, document.process().name());
			if (document.process().pid() != null) {
				out.writeName(PID);
				out.writeNumber(document.process().pid().longValue());
			}
			out.writeEndObject();
		}
		map(out, ATTRIBUTES, document.attributes());
		if (document.logpipe() != null) {
			pipeline(out, document.logpipe());
		}
		out.writeEndObject();
	}

	private static void event(JsonGenerator out, LogDocument.Event event) {
		start(out, EVENT);
		string(out, ID, event.id());
		Json.instant(out, INGESTED, event.ingested());
		Json.instant(out, CREATED, event.created());
		string(out, DATASET, event.dataset());
		string(out, ORIGINAL, event.original());
		out.writeEndObject();
	}

	private static void log(JsonGenerator out, LogDocument.Log log) {
		start(out, LOG);
		string(out, LEVEL, log.level());
		string(out, LOGGER, log.logger());
		map(out, SYSLOG, log.syslog());
		out.writeEndObject();
	}

	private static void http(JsonGenerator out, LogDocument.Http http) {
		start(out, HTTP);
		string(out, VERSION, http.version());
		if (http.request() != null) {
			start(out, REQUEST);
			string(out, METHOD, http.request().method());
			string(out, REFERRER, http.request().referrer());
			out.writeEndObject();
		}
		if (http.response() != null) {
			LogDocument.Http.Response response = http.response();
			start(out, RESPONSE);
			if (response.statusCode() != null) {
				out.writeName(STATUS_CODE);
				out.writeNumber(response.statusCode().intValue());
			}
			if (response.body() != null) {
				start(out, BODY);
				if (response.body().bytes() != null) {
					out.writeName(BYTES);
					out.writeNumber(response.body().bytes().longValue());
				}
				out.writeEndObject();
			}
			out.writeEndObject();
		}
		out.writeEndObject();
	}

	private static void userAgent(JsonGenerator out, LogDocument.UserAgent userAgent) {
		start(out, USER_AGENT);
		string(out, ORIGINAL, userAgent.original());
		string(out, NAME, userAgent.name());
		string(out, VERSION, userAgent.version());
		if (userAgent.os() != null) {
			start(out, OS);
			string(out, NAME, userAgent.os().name());
			string(out, VERSION, userAgent.os().version());
			out.writeEndObject();
		}
		if (userAgent.device() != null) {
			group(out, DEVICE, NAME, userAgent.device().name());
		}
		out.writeEndObject();
	}

	private static void pipeline(JsonGenerator out, LogDocument.Pipeline pipeline) {
		start(out, LOGPIPE);
		out.writeName(SCHEMA_VERSION);
		out.writeNumber(pipeline.schemaVersion());
		string(out, CATEGORY, pipeline.category());
		string(out, PROTOCOL, pipeline.protocol());
		string(out, FORMAT, pipeline.format());
		strings(out, INFERRED, pipeline.inferred());
		string(out, TIMESTAMP_ORIGINAL, pipeline.timestampOriginal());
		out.writeEndObject();
	}

	private static void start(JsonGenerator out, SerializableString name) {
		out.writeName(name);
		out.writeStartObject();
	}

	/**
	 * A group of one string, such as {@code host.name}; written even when it is empty.
	 */
	private static void group(JsonGenerator out, SerializableString group, SerializableString name, String value) {
		start(out, group);
		string(out, name, value);
		out.writeEndObject();
	}

	/** {@code NON_EMPTY}: an empty string is left out too. */
	private static void string(JsonGenerator out, SerializableString name, String value) {
		if (value != null && !value.isEmpty()) {
			out.writeName(name);
			out.writeString(value);
		}
	}

	private static void map(JsonGenerator out, SerializableString name, Map<String, ?> value) {
		if (value != null && !value.isEmpty()) {
			out.writeName(name);
			Json.map(out, value);
		}
	}

	private static void strings(JsonGenerator out, SerializableString name, List<String> values) {
		if (values != null && !values.isEmpty()) {
			out.writeName(name);
			out.writeStartArray(values, values.size());
			for (String value : values) {
				if (value != null) {
					out.writeString(value);
				}
				else {
					out.writeNull();
				}
			}
			out.writeEndArray();
		}
	}

	private static SerializableString name(String name) {
		return new SerializedString(name);
	}

}
