package io.logpipe.parser.parse;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.logpipe.common.event.LogDocument;
import io.logpipe.common.event.RawLogRecord;

/**
 * Builds the ECS document of a raw record: the event's own timestamp and level where it
 * has them, the envelope's origin, and every other field kept under {@code attributes}.
 */
@Component
public class DocumentBuilder {

	/** Fields the document takes a home for; all others go to {@code attributes}. */
	private static final Set<String> CONSUMED = Set.of("@timestamp", "timestamp", "level", "log.level", "service",
			"service.name", "host", "host.name", "environment", "service.environment", "category", "format");

	private final Clock clock;

	public DocumentBuilder(Clock clock) {
		this.clock = clock;
	}

	public LogDocument build(RawLogRecord raw) {
		Map<String, Object> fields = raw.fields();
		return LogDocument.builder()
			.timestamp(timestamp(fields).orElse(raw.receivedAt()))
			.message(raw.message())
			.event(new LogDocument.Event(raw.id(), this.clock.instant(), null, null, null))
			.log(level(fields).map((level) -> new LogDocument.Log(level, null, null)).orElse(null))
			.service(new LogDocument.Service(raw.source().service(), raw.source().environment(), null))
			.host((raw.source().host() != null) ? new LogDocument.Host(raw.source().host()) : null)
			.organization(new LogDocument.Organization(raw.tenant()))
			.attributes(attributes(fields))
			.logpipe(new LogDocument.Pipeline(LogDocument.SCHEMA_VERSION,
					(raw.category() != null) ? raw.category().wireName() : null, raw.protocol(), raw.format()))
			.build();
	}

	private static Optional<Instant> timestamp(Map<String, Object> fields) {
		Object value = fields.containsKey("@timestamp") ? fields.get("@timestamp") : fields.get("timestamp");
		if (value instanceof String text) {
			try {
				return Optional.of(OffsetDateTime.parse(text).toInstant());
			}
			catch (DateTimeParseException ex) {
				return Optional.empty();
			}
		}
		if (value instanceof Number epochMillis) {
			return Optional.of(Instant.ofEpochMilli(epochMillis.longValue()));
		}
		return Optional.empty();
	}

	private static Optional<String> level(Map<String, Object> fields) {
		Object value = fields.containsKey("level") ? fields.get("level") : fields.get("log.level");
		if (value == null && fields.get("log") instanceof Map<?, ?> log) {
			value = log.get("level");
		}
		return (value instanceof String text && !text.isBlank()) ? Optional.of(text.strip().toUpperCase(Locale.ROOT))
				: Optional.empty();
	}

	private static Map<String, Object> attributes(Map<String, Object> fields) {
		Map<String, Object> attributes = new LinkedHashMap<>();
		fields.forEach((name, value) -> {
			if (!CONSUMED.contains(name)) {
				attributes.put(name, value);
			}
		});
		return attributes;
	}

}
