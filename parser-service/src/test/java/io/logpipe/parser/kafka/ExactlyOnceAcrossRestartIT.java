package io.logpipe.parser.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

import io.logpipe.common.codec.EventCodec;
import io.logpipe.common.event.RawLogRecord;
import io.logpipe.parser.ParserApplication;
import io.logpipe.testsupport.TestServers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Exactly-once across a restart: the service is stopped while it works through a backlog
 * and a new instance (a new transactional id, the same consumer group) takes over. A
 * {@code read_committed} reader then sees every record exactly once.
 */
class ExactlyOnceAcrossRestartIT {

	private static final String RAW = "eo-restart-raw";

	private static final String PARSED = "eo-restart-parsed";

	private static final String GROUP = "eo-restart-parser";

	private static final int RECORDS = 600;

	private final KafkaProbe kafka = new KafkaProbe();

	private final EventCodec codec = new EventCodec();

	@Test
	void everyRecordIsParsedExactlyOnceWhenTheServiceRestartsMidStream() throws Exception {
		this.kafka.createTopics(3, RAW);
		List<RawLogRecord> records = IntStream.range(0, RECORDS)
			.mapToObj((i) -> KafkaProbe.raw("restart-" + i, "level=info msg=\"line " + i + "\"", null))
			.toList();
		this.kafka.produce(RAW, records);

		try (ConfigurableApplicationContext first = start()) {
			await().atMost(Duration.ofSeconds(90))
				.pollInterval(Duration.ofSeconds(1))
				.until(() -> !this.kafka.readAll(PARSED).isEmpty());
		}
		int afterFirst = this.kafka.readAll(PARSED).size();
		try (ConfigurableApplicationContext second = start()) {
			// Within a partition records are processed in order, so once the last of
			// every partition is visible, any reprocessing after the restart is too.
			await().atMost(Duration.ofSeconds(120))
				.pollInterval(Duration.ofSeconds(1))
				.until(() -> ids(this.kafka.readAll(PARSED)).size() == RECORDS);
		}

		List<ConsumerRecord<String, byte[]>> parsed = this.kafka.readAll(PARSED);
		Set<String> ids = ids(parsed);
		assertThat(afterFirst).isPositive();
		assertThat(ids).hasSize(RECORDS).isEqualTo(records.stream().map(RawLogRecord::id).collect(Collectors.toSet()));
		assertThat(parsed).hasSize(RECORDS);
	}

	private Set<String> ids(List<ConsumerRecord<String, byte[]>> parsed) {
		return parsed.stream()
			.map((record) -> this.codec.decodeDocument(record.value()).id())
			.collect(Collectors.toSet());
	}

	private static ConfigurableApplicationContext start() {
		// Command-line arguments: they take precedence over application.yml.
		return new SpringApplicationBuilder(ParserApplication.class).web(WebApplicationType.NONE)
			.initializers((context) -> context.getBeanFactory()
				.registerSingleton("excludeTestComponents", new ExcludeTestComponents()))
			.run("--spring.kafka.bootstrap-servers=" + TestServers.kafka().bootstrapServers(),
					"--spring.kafka.consumer.group-id=" + GROUP, "--spring.kafka.consumer.max-poll-records=20",
					"--parser.kafka.raw-topics=" + RAW, "--parser.kafka.parsed-topic=" + PARSED,
					"--parser.kafka.dead-letter-topic=eo-restart-dlq", "--parser.metrics.topic=eo-restart-metrics");
	}

	/**
	 * Keeps other test classes' {@code @TestConfiguration}s out of the component scan, as
	 * {@code @SpringBootTest} does for its own contexts.
	 */
	static final class ExcludeTestComponents extends TypeExcludeFilter {

		@Override
		public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
			return reader.getAnnotationMetadata().hasMetaAnnotation(TestComponent.class.getName())
					|| reader.getAnnotationMetadata().hasAnnotation(TestComponent.class.getName());
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof ExcludeTestComponents;
		}

		@Override
		public int hashCode() {
			return ExcludeTestComponents.class.hashCode();
		}

	}

}
