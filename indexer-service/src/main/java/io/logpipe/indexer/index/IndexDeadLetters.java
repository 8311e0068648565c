package io.logpipe.indexer.index;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
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

import io.logpipe.common.topic.DeadLetterHeaders;
import io.logpipe.common.topic.KafkaHeaders;
import io.logpipe.indexer.IndexerProperties;

/**
 * Sends documents that cannot be indexed to index-dlq, with the {@code logpipe-dlq-*}
 * headers of {@link DeadLetterHeaders} (reason, error type, origin, time), and waits for
 * Kafka's acknowledgement: their offsets are committed only once they are safe there.
 */
@Component
public class IndexDeadLetters {

	private static final byte[] JSON = KafkaHeaders.JSON.getBytes(StandardCharsets.UTF_8);

	private final KafkaTemplate<String, byte[]> kafka;

	private final IndexerProperties properties;

	private final Clock clock;

	IndexDeadLetters(KafkaTemplate<String, byte[]> kafka, IndexerProperties properties, Clock clock) {
		this.kafka = kafka;
		this.properties = properties;
		this.clock = clock;
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
			PendingDocument.Origin origin = deadLetter.document().origin();
			new DeadLetterHeaders(deadLetter.reason(), DeadLetterHeaders.STAGE_INDEX, origin.topic(),
					origin.partition(), origin.offset(), deadLetter.errorType(), this.clock.instant())
				.addTo(headers::add);
			headers.add(KafkaHeaders.CONTENT_TYPE, JSON);
			sends.add(this.kafka.send(new ProducerRecord<>(this.properties.deadLetterTopic(), null,
					deadLetter.document().key(), deadLetter.document().json(), headers)));
		}
		CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
			.get(this.properties.deadLetterTimeout().toMillis(), TimeUnit.MILLISECONDS);
	}

}
