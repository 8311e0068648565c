package io.logpipe.parser.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.SendResult;

import io.logpipe.common.codec.EventCodec;
import io.logpipe.common.event.LogDocument;
import io.logpipe.common.topic.DeadLetterHeaders;
import io.logpipe.testsupport.RealKafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The transactional loop on a real broker: dead letters, parse failures, the level
 * counts, and a crash in the middle of a batch (the template throws once after some of
 * the batch's documents were sent) that must neither lose nor duplicate a document.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "parser.kafka.raw-topics=rl-raw", "parser.kafka.parsed-topic=rl-parsed",
				"parser.kafka.dead-letter-topic=rl-dlq", "parser.metrics.topic=rl-metrics",
				"spring.kafka.consumer.group-id=rl-parser" })
@RealKafka
class RawRecordListenerIT {

	private static final KafkaProbe kafka = new KafkaProbe();

	private final EventCodec codec = new EventCodec();

	@BeforeAll
	static void createRawTopic() throws InterruptedException {
		kafka.createTopics(1, "rl-raw");
	}

	@Test
	void sendsAnInvalidEnvelopeToTheDeadLetterTopicOnly() {
		kafka.produceBytes("rl-raw", "k-invalid", "not an envelope".getBytes(StandardCharsets.UTF_8));

		await().atMost(Duration.ofSeconds(60))
			.until(() -> kafka.readAll("rl-dlq").stream().anyMatch((record) -> "k-invalid".equals(record.key())));
		ConsumerRecord<String, byte[]> dead = kafka.readAll("rl-dlq")
			.stream()
			.filter((record) -> "k-invalid".equals(record.key()))
			.findFirst()
			.orElseThrow();
		assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("not an envelope");
		assertThat(header(dead, DeadLetterHeaders.REASON)).startsWith("invalid-envelope: ");
		assertThat(header(dead, DeadLetterHeaders.STAGE)).isEqualTo("parse");
		assertThat(header(dead, DeadLetterHeaders.ORIGIN_TOPIC)).isEqualTo("rl-raw");
		assertThat(header(dead, DeadLetterHeaders.ORIGIN_OFFSET)).matches("\\d+");
		assertThat(header(dead, DeadLetterHeaders.ERROR_TYPE)).isEqualTo("invalid-envelope");
		assertThat(kafka.readAll("rl-parsed")).noneMatch((record) -> "k-invalid".equals(record.key()));
	}

	@Test
	void writesAParseFailureAsATaggedDocumentAndADeadLetterCopy() {
		kafka.produce("rl-raw", List.of(KafkaProbe.raw("rl-failure-1", "this is not json", "json")));

		await().atMost(Duration.ofSeconds(60)).until(() -> document("rl-failure-1") != null);
		LogDocument document = document("rl-failure-1");
		assertThat(document.message()).isEqualTo("this is not json");
		assertThat(document.tags()).contains(LogDocument.TAG_PARSE_FAILURE);
		ConsumerRecord<String, byte[]> dead = kafka.readAll("rl-dlq")
			.stream()
			.filter((record) -> new String(record.value(), StandardCharsets.UTF_8).contains("rl-failure-1"))
			.findFirst()
			.orElseThrow();
		assertThat(header(dead, DeadLetterHeaders.REASON)).startsWith("parse-failure: format-mismatch");
		assertThat(header(dead, DeadLetterHeaders.STAGE)).isEqualTo("parse");
		assertThat(header(dead, DeadLetterHeaders.ORIGIN_TOPIC)).isEqualTo("rl-raw");
		assertThat(header(dead, DeadLetterHeaders.ERROR_TYPE)).isEqualTo("format-mismatch");
		assertThat(header(dead, DeadLetterHeaders.TIME)).isNotBlank();
	}

	@Test
	void publishesLogCountsOfEachBatch() {
		kafka.produce("rl-raw", List.of(KafkaProbe.raw("rl-count-1", "level=error msg=boom", null)));

		await().atMost(Duration.ofSeconds(60))
			.until(() -> kafka.readAll("rl-metrics")
				.stream()
				.map((record) -> this.codec.decodeLogCount(record.value()))
				.anyMatch((count) -> "ERROR".equals(count.level()) && "checkout".equals(count.service())
						&& "acme".equals(count.tenant()) && count.count() >= 1));
	}

	@Test
	void aCrashInTheMiddleOfABatchNeitherLosesNorDuplicatesADocument() {
		List<io.logpipe.common.event.RawLogRecord> records = java.util.stream.IntStream.range(0, 20)
			.mapToObj((i) -> KafkaProbe.raw("rl-crash-" + i, (i == 10) ? "CRASH-HERE" : "line " + i, null))
			.toList();
		kafka.produce("rl-raw", records);

		await().atMost(Duration.ofSeconds(90)).until(() -> CrashOnce.crashed.get() && ids("rl-crash-").size() == 20);
		assertThat(kafka.readAll("rl-parsed").stream().filter((record) -> parsedId(record).startsWith("rl-crash-")))
			.hasSize(20);
	}

	private List<String> ids(String prefix) {
		return kafka.readAll("rl-parsed").stream().map(this::parsedId).filter((id) -> id.startsWith(prefix)).toList();
	}

	private String parsedId(ConsumerRecord<String, byte[]> record) {
		return this.codec.decodeDocument(record.value()).id();
	}

	private LogDocument document(String id) {
		return kafka.readAll("rl-parsed")
			.stream()
			.map((record) -> this.codec.decodeDocument(record.value()))
			.filter((document) -> id.equals(document.id()))
			.findFirst()
			.orElse(null);
	}

	private static String header(ConsumerRecord<String, byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	/**
	 * The application's template, failing once when it is asked to write the document of
	 * the message {@code CRASH-HERE}: documents of the same batch were already sent in
	 * the transaction that is then rolled back.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class CrashOnce {

		static final AtomicBoolean crashed = new AtomicBoolean();

		@Bean
		KafkaTemplate<?, ?> kafkaTemplate(ProducerFactory<Object, Object> producerFactory) {
			return new KafkaTemplate<>(producerFactory) {

				@Override
				public java.util.concurrent.CompletableFuture<SendResult<Object, Object>> send(
						ProducerRecord<Object, Object> record) {
					if (record.value() instanceof byte[] value
							&& new String(value, StandardCharsets.UTF_8).contains("\"message\":\"CRASH-HERE\"")
							&& crashed.compareAndSet(false, true)) {
						throw new IllegalStateException("simulated crash in the middle of a batch");
					}
					return super.send(record);
				}

			};
		}

	}

}
