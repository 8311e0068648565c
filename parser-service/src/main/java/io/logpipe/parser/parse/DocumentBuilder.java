package io.logpipe.parser.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.logpipe.common.event.LogDocument;
import io.logpipe.common.event.RawLogRecord;
import io.logpipe.common.event.TraceContext;
import io.logpipe.parser.parse.enrich.StackTraceExtractor;
import io.logpipe.parser.parse.enrich.UserAgentParser;
import io.logpipe.parser.parse.level.LevelNormalizer;
import io.logpipe.parser.parse.time.ResolvedTime;
import io.logpipe.parser.parse.time.TimestampResolver;

/**
 * Builds the ECS document of a record from the fields its envelope and its message
 * carried: each field with an ECS home goes there (under the names ECS, the common
 * logging libraries and the formats use), every other field is kept under
 * {@code attributes}. Thread-safe.
 */
final class DocumentBuilder {

	private final TimestampResolver timestamps;

	private final UserAgentParser userAgents;

	DocumentBuilder(TimestampResolver timestamps, UserAgentParser userAgents) {
		this.timestamps = timestamps;
		this.userAgents = userAgents;
	}

	/**
	 * @param raw the record
	 * @param format the format the message was read as
	 * @param fields the envelope's and the message's fields together
	 * @param failed whether the message could not be read in its hinted format
	 */
	LogDocument build(RawLogRecord raw, String format, Map<String, Object> fields, boolean failed) {
		FieldBag bag = new FieldBag(fields);
		List<String> tags = new ArrayList<>(2);
		if (failed) {
			tags.add(LogDocument.TAG_PARSE_FAILURE);
		}
		String message = bag.takeText("message");
		if (message == null) {
			message = raw.message();
		}
		String original = (raw.message() != null && !raw.message().equals(message)) ? raw.message() : null;
		ResolvedTime time = this.timestamps.resolve(bag.take("@timestamp", "timestamp", "time", "ts"),
				raw.source().service(), raw.receivedAt());
		if (time.clamped()) {
			tags.add(ParseTags.TIMESTAMP_CLAMPED);
		}
		bag.take("service", "service.name", "category", "format");
		String environment = bag.takeText("environment", "service.environment");
		String host = bag.takeText("host.name", "hostname", "host");
		String level = LevelNormalizer.normalize(level(bag)).orElse(null);
		String logger = bag.takeText("log.logger", "logger", "logger_name");
		@SuppressWarnings("unchecked")
		Map<String, Object> syslog = (bag.peek("log.syslog") instanceof Map<?, ?>)
				? (Map<String, Object>) bag.take("log.syslog") : null;
		TraceContext trace = traceAndSpan(bag, raw);
		LogDocument.Builder document = LogDocument.builder()
			.timestamp(time.instant())
			.message(message)
			// event.created is when ingest-api received the event; the indexer sets
			// event.ingested when it hands the document to Elasticsearch.
			.event(new LogDocument.Event(raw.id(), null, raw.receivedAt(), null, original))
			.log((level != null || logger != null || syslog != null) ? new LogDocument.Log(level, logger, syslog)
					: null)
			.service(new LogDocument.Service(raw.source().service(),
					(environment != null) ? environment : raw.source().environment(), null))
			.host((host != null) ? new LogDocument.Host(host)
					: (raw.source().host() != null) ? new LogDocument.Host(raw.source().host()) : null)
			.organization(new LogDocument.Organization(raw.tenant()))
			.error(error(bag, message))
			.trace((trace.traceId() != null) ? new LogDocument.Trace(trace.traceId()) : null)
			.span((trace.spanId() != null) ? new LogDocument.Span(trace.spanId()) : null)
			.process(process(bag));
		HttpFields.fill(document, bag, this.userAgents);
		return document.tags(tags.isEmpty() ? null : tags)
			.attributes(bag.rest().isEmpty() ? null : bag.rest())
			.logpipe(new LogDocument.Pipeline(LogDocument.SCHEMA_VERSION,
					(raw.category() != null) ? raw.category().wireName() : null, raw.protocol(), format,
					time.inferred().isEmpty() ? null : time.inferred(), time.original()))
			.build();
	}

	private static Object level(FieldBag bag) {
		Object level = bag.take("log.level", "level", "severity", "lvl", "loglevel");
		if (level == null && bag.peek("log") instanceof Map<?, ?> log && log.size() == 1 && log.containsKey("level")) {
			level = ((Map<?, ?>) bag.take("log")).get("level");
		}
		return level;
	}

	private static LogDocument.ErrorInfo error(FieldBag bag, String message) {
		String type = bag.takeText("error.type");
		String errorMessage = bag.takeText("error.message");
		String stack = bag.takeText("error.stack_trace", "stack_trace", "stacktrace", "exc_info");
		if (type != null || errorMessage != null) {
			return new LogDocument.ErrorInfo(type, errorMessage, stack);
		}
		if (stack != null) {
			return StackTraceExtractor.extract(stack).orElse(new LogDocument.ErrorInfo(null, null, stack));
		}
		return StackTraceExtractor.extract(message).orElse(null);
	}

	/**
	 * The event's own trace and span ids, else those of the request that carried it
	 * ({@code traceparent}); never one of each.
	 */
	private static TraceContext traceAndSpan(FieldBag bag, RawLogRecord raw) {
		String traceId = bag.takeText("trace.id", "trace_id", "traceId", "traceid");
		String spanId = bag.takeText("span.id", "span_id", "spanId", "spanid");
		if (traceId == null && spanId == null && raw.trace() != null) {
			return raw.trace();
		}
		return new TraceContext(traceId, spanId);
	}

	private static LogDocument.Process process(FieldBag bag) {
		String name = bag.takeText("process.name");
		Object pidValue = bag.peek("process.pid");
		Long pid = bag.takeLong("process.pid");
		if (pid == null && pidValue != null) {
			// A procid that is not a number (RFC 5424 allows any string) stays visible.
			bag.rest().put("process.id", pidValue);
		}
		return (name != null || pid != null) ? new LogDocument.Process(name, pid) : null;
	}

}
