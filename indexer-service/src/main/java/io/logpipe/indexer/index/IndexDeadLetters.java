package io.logpipe.indexer.index;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import io.logpipe.common.topic.KafkaHeaders;
import io.logpipe.indexer.IndexerProperties;

/**
 * Sends documents that cannot be indexed to index-dlq, with the reason and their origin,
 * and waits for Kafka's acknowledgement: their offsets are committed only once they are
 * safe there.
 */
@Component
public class IndexDeadLetters {

	/**
	 * Elasticsearch's error type alone, so that consumers of index-dlq can classify
	 * without parsing the reason.
	 */
	static final String ERROR_TYPE_HEADER = "logpipe-dlq-error-type";

	private final KafkaTemplate<String, byte[]> kafka;

	private final IndexerProperties properties;

	IndexDeadLetters(KafkaTemplate<String, byte[]> kafka, IndexerProperties properties) {
		this.kafka = kafka;
		this.properties = properties;
	}

	/**
	 * @param document the document and its origin
	 * @param errorType Elasticsearch's error type (e.g.
	 * {@code document_parsing_exception}) or the indexer's own ({@code invalid_document})
	 * @param reason the whole reason, for people
	 */
	public record DeadLetter(PendingDocument document, String errorType, String reason) {
	}

	void publish(List<DeadLetter> deadLetters) throws ExecutionException, TimeoutException, InterruptedException {
		List<CompletableFuture<?>> sends = new ArrayList<>(deadLetters.size());
		for (DeadLetter deadLetter : deadLetters) {
			RecordHeaders headers = new RecordHeaders();
			headers.add(KafkaHeaders.DLQ_REASON, bytes(deadLetter.reason()));
			headers.add(ERROR_TYPE_HEADER, bytes(deadLetter.errorType()));
			headers.add(KafkaHeaders.DLQ_STAGE, bytes("index"));
			headers.add(KafkaHeaders.DLQ_ORIGIN, bytes(deadLetter.document().origin()));
			headers.add(KafkaHeaders.CONTENT_TYPE, bytes(KafkaHeaders.JSON));
			sends.add(this.kafka.send(new ProducerRecord<>(this.properties.deadLetterTopic(), null,
					deadLetter.document().key(), deadLetter.document().json(), headers)));
		}
		CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
			.get(this.properties.deadLetterTimeout().toMillis(), TimeUnit.MILLISECONDS);
	}

	private static byte[] bytes(String value) {
		return (value != null) ? value.getBytes(StandardCharsets.UTF_8) : new byte[0];
	}

}
