package io.logpipe.indexer.kafka;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.logpipe.indexer.IndexerProperties;
import io.logpipe.indexer.index.BatchWriter;
import io.logpipe.indexer.index.DataStreamNames;
import io.logpipe.indexer.index.IndexingMetrics;
import io.logpipe.indexer.index.PendingDocument;
import io.logpipe.indexer.index.IndexDeadLetters.DeadLetter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns the per-minute log counts that parser-service publishes on {@code log-metrics}
 * into documents of {@code metrics-logpipe.log_counts-<tenant>}.
 *
 * <p>
 * The only contract with parser-service is the topic and these JSON fields:
 * {@code tenant}, {@code service}, {@code level}, {@code window_start},
 * {@code window_end} (or camelCase; ISO-8601 instants or epoch milliseconds) and
 * {@code count}. The reader is tolerant: unknown fields are ignored, a missing service or
 * level reads as {@code unknown}; only a record without tenant, window start or count is
 * unusable.
 *
 * <p>
 * Each record is a partial count: what one parser batch saw of a window (parser-service's
 * {@code LevelCount}); a window's total is the sum of its documents. The {@code _id} is
 * therefore derived from the record's place (topic, partition, offset): a redelivered or
 * replayed record is stored once, and every batch's count is kept. Unusable records go to
 * index-dlq like rejected documents. Runs on its own container's consumer thread;
 * {@link BatchWriter} gives it the same guarantees as the parsed documents.
 */
@Component
class LogMetricsListener {

	private final JsonMapper json = JsonMapper.builder().build();

	private final BatchWriter writer;

	private final IndexingMetrics metrics;

	private final IndexerProperties properties;

	LogMetricsListener(BatchWriter writer, IndexingMetrics metrics, IndexerProperties properties) {
		this.writer = writer;
		this.metrics = metrics;
		this.properties = properties;
	}

	/** {@code indexer.metrics-topic}, read by the listener annotation's SpEL. */
	public String topic() {
		return this.properties.metricsTopic();
	}

	@KafkaListener(id = "log-metrics", topics = "#{__listener.topic()}", batch = "true", autoStartup = "false",
			idIsGroup = false)
	void onCounts(List<ConsumerRecord<String, byte[]>> records) throws Exception {
		List<DeadLetter> rejected = new ArrayList<>();
		List<PendingDocument> pending = new ArrayList<>(records.size());
		for (ConsumerRecord<String, byte[]> record : records) {
			try {
				pending.add(toDocument(record));
			}
			catch (IllegalArgumentException ex) {
				this.metrics.deadLettered("invalid_log_count");
				rejected.add(new DeadLetter(
						new PendingDocument(null, null, record.value(), record.key(),
								ParsedDocumentListener.origin(record), null),
						"invalid_log_count", "invalid-log-count: " + ex.getMessage()));
			}
		}
		this.writer.write(pending, rejected, ParsedDocumentListener.partitions(records));
	}

	/**
	 * @throws IllegalArgumentException when the record is not a usable count
	 */
	PendingDocument toDocument(ConsumerRecord<String, byte[]> record) {
		JsonNode count;
		try {
			count = this.json.readTree(record.value());
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("not JSON: " + ex.getOriginalMessage(), ex);
		}
		String tenant = text(count, "tenant", null);
		Instant windowStart = instant(count, "window_start", "windowStart");
		if (tenant == null || windowStart == null || !count.path("count").isNumber()) {
			throw new IllegalArgumentException("a log count needs tenant, window_start and a numeric count");
		}
		String service = text(count, "service", "unknown");
		String level = text(count, "level", "unknown");
		Instant windowEnd = instant(count, "window_end", "windowEnd");
		ObjectNode document = this.json.createObjectNode();
		document.put("@timestamp", windowStart.toString());
		ObjectNode event = document.putObject("event");
		event.put("start", windowStart.toString());
		if (windowEnd != null) {
			event.put("end", windowEnd.toString());
		}
		document.putObject("organization").put("id", tenant);
		document.putObject("service").put("name", service);
		document.putObject("log").put("level", level);
		document.put("count", count.path("count").asLong());
		String id = id(record.topic(), Integer.toString(record.partition()), Long.toString(record.offset()));
		return new PendingDocument(DataStreamNames.logMetrics(tenant), id, this.json.writeValueAsBytes(document),
				record.key(), ParsedDocumentListener.origin(record), null);
	}

	private static String text(JsonNode node, String field, String otherwise) {
		JsonNode value = node.path(field);
		return (value.isString() && !value.asString().isBlank()) ? value.asString() : otherwise;
	}

	private static Instant instant(JsonNode node, String field, String alternative) {
		JsonNode value = node.has(field) ? node.path(field) : node.path(alternative);
		if (value.isNumber()) {
			return Instant.ofEpochMilli(value.asLong());
		}
		if (value.isString()) {
			try {
				return Instant.parse(value.asString());
			}
			catch (DateTimeParseException ex) {
				return null;
			}
		}
		return null;
	}

	private static String id(String... parts) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(String.join("\u0000", parts).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM has SHA-256", ex);
		}
	}

}
