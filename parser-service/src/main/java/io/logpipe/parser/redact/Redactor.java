package io.logpipe.parser.redact;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.logpipe.common.event.LogDocument;
import io.logpipe.parser.parse.ParseTags;

/**
 * Applies redaction rules to every free-text part of a document: the message, the
 * original event, the error, the URL and referrer, the labels and every string under
 * {@code attributes} (at any depth). A field whose name says it holds a secret
 * ({@code password}, {@code api_key}, ...) is replaced whole. A document in which
 * something was replaced gets the tag {@code _logpipe_redacted}. Thread-safe.
 */
public final class Redactor {

	private static final Pattern SECRET_FIELD = Pattern
		.compile("(?i)^(?:" + BuiltInRedactions.SECRET_KEYS + "|authorization)$");

	private final List<RedactionRule> rules;

	private final boolean secretFields;

	private final RedactionCounter counter;

	/**
	 * @param rules the rules, in the order they run
	 * @param secretFields whether fields named like secrets are replaced whole
	 * @param counter told every redaction
	 */
	public Redactor(List<RedactionRule> rules, boolean secretFields, RedactionCounter counter) {
		this.rules = List.copyOf(rules);
		this.secretFields = secretFields;
		this.counter = counter;
	}

	public LogDocument redact(LogDocument document) {
		if (this.rules.isEmpty() && !this.secretFields) {
			return document;
		}
		int[] count = { 0 };
		RedactionCounter counting = (rule) -> {
			count[0]++;
			this.counter.redacted(rule);
		};
		LogDocument.Event event = document.event();
		LogDocument.ErrorInfo error = document.error();
		LogDocument.Url url = document.url();
		LogDocument.Http http = document.http();
		String message = text(document.message(), counting);
		LogDocument.Event redactedEvent = (event != null) ? new LogDocument.Event(event.id(), event.ingested(),
				event.created(), event.dataset(), text(event.original(), counting)) : null;
		Map<String, String> labels = labels(document.labels(), counting);
		LogDocument.ErrorInfo redactedError = (error != null) ? new LogDocument.ErrorInfo(error.type(),
				text(error.message(), counting), text(error.stackTrace(), counting)) : null;
		LogDocument.Http redactedHttp = (http != null && http.request() != null) ? new LogDocument.Http(http.version(),
				new LogDocument.Http.Request(http.request().method(), text(http.request().referrer(), counting)),
				http.response()) : http;
		LogDocument.Url redactedUrl = (url != null) ? new LogDocument.Url(text(url.original(), counting), url.path(),
				text(url.query(), counting), url.domain()) : null;
		Map<String, Object> attributes = attributes(document.attributes(), counting);
		if (count[0] == 0) {
			// Most documents hold no secret: they leave as they came, without a copy.
			return document;
		}
		List<String> tags = new ArrayList<>((document.tags() != null) ? document.tags() : List.of());
		tags.add(ParseTags.REDACTED);
		return document.toBuilder()
			.message(message)
			.event(redactedEvent)
			.labels(labels)
			.tags(tags)
			.error(redactedError)
			.http(redactedHttp)
			.url(redactedUrl)
			.attributes(attributes)
			.build();
	}

	/** Redacts one string with every rule. */
	public String text(String text, RedactionCounter counting) {
		if (text == null || text.isEmpty()) {
			return text;
		}
		String result = text;
		for (RedactionRule rule : this.rules) {
			result = rule.apply(result, counting);
		}
		return result;
	}

	private Map<String, String> labels(Map<String, String> labels, RedactionCounter counting) {
		if (labels == null || labels.isEmpty()) {
			return labels;
		}
		Map<String, String> result = new LinkedHashMap<>();
		labels.forEach((key, value) -> result.put(key, text(value, counting)));
		return result;
	}

	private Map<String, Object> attributes(Map<String, Object> attributes, RedactionCounter counting) {
		if (attributes == null || attributes.isEmpty()) {
			return attributes;
		}
		Map<String, Object> result = new LinkedHashMap<>();
		attributes.forEach((key, value) -> result.put(key, value(key, value, counting)));
		return result;
	}

	private Object value(String key, Object value, RedactionCounter counting) {
		if (this.secretFields && key != null && value != null && !(value instanceof Map<?, ?>)
				&& SECRET_FIELD.matcher(key).matches()) {
			counting.redacted(BuiltInRedactions.PASSWORD);
			return RedactionRule.marker(BuiltInRedactions.PASSWORD);
		}
		if (value instanceof String text) {
			return text(text, counting);
		}
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> result = new LinkedHashMap<>();
			map.forEach((k, v) -> result.put(String.valueOf(k), value(String.valueOf(k), v, counting)));
			return result;
		}
		if (value instanceof List<?> list) {
			return list.stream().map((item) -> value(null, item, counting)).toList();
		}
		return value;
	}

}
