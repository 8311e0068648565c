package io.logpipe.indexer.admin;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerRecord;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import io.logpipe.service.problem.ProblemException;

/**
 * Sends records with the indexer's producer ({@code acks=all}, idempotent) and waits
 * until Kafka acknowledged every one, so that a replay notes a dead letter as replayed
 * only once its copy is safe.
 */
@Component
class KafkaSends {

	private final KafkaTemplate<String, byte[]> kafka;

	private final AdminProperties properties;

	KafkaSends(KafkaTemplate<String, byte[]> kafka, AdminProperties properties) {
		this.kafka = kafka;
		this.properties = properties;
	}

	/**
	 * @throws ProblemException 503 {@link AdminProblem#KAFKA_UNAVAILABLE} when a send
	 * failed or was not acknowledged within {@code indexer.admin.timeout}; some records
	 * may have been written
	 */
	void sendAll(List<ProducerRecord<String, byte[]>> records) {
		if (records.isEmpty()) {
			return;
		}
		CompletableFuture<?>[] sends = records.stream().map(this.kafka::send).toArray(CompletableFuture[]::new);
		try {
			CompletableFuture.allOf(sends).get(this.properties.timeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			throw new ProblemException(AdminProblem.KAFKA_UNAVAILABLE, "Kafka failed: " + ex.getCause(), ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new ProblemException(AdminProblem.KAFKA_UNAVAILABLE,
					"Kafka did not acknowledge within " + this.properties.timeout(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ProblemException(AdminProblem.KAFKA_UNAVAILABLE, "interrupted", ex);
		}
	}

}
