package io.logpipe.indexer;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.TestPropertySource;

import io.logpipe.testsupport.RealElasticsearch;
import io.logpipe.testsupport.RealKafka;

/**
 * An indexer integration test: the whole application against the build's real Kafka and
 * Elasticsearch, with topics and a consumer group of its own so that tests sharing the
 * servers do not see each other's documents. Name them with
 * {@code indexer-it.name=<name>} in {@link #properties()}: the topics are
 * {@code <name>-parsed}, {@code <name>-metrics} and {@code <name>-dlq}, the group
 * {@code <name>}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest
@TestPropertySource(properties = { IndexerIntegrationTest.PARSED_TOPIC, IndexerIntegrationTest.METRICS_TOPIC,
		IndexerIntegrationTest.DEAD_LETTER_TOPIC, IndexerIntegrationTest.GROUP })
@RealKafka
@RealElasticsearch
public @interface IndexerIntegrationTest {

	/** The topics and group of a test named by {@code indexer-it.name}. */
	String PARSED_TOPIC = "indexer.parsed-topic=${indexer-it.name}-parsed";

	String METRICS_TOPIC = "indexer.metrics-topic=${indexer-it.name}-metrics";

	String DEAD_LETTER_TOPIC = "indexer.dead-letter-topic=${indexer-it.name}-dlq";

	String GROUP = "spring.kafka.consumer.group-id=${indexer-it.name}";

	/** {@code indexer-it.name=<name>} and the test's own properties. */
	@AliasFor(annotation = SpringBootTest.class)
	String[] properties();

	@AliasFor(annotation = SpringBootTest.class)
	WebEnvironment webEnvironment() default WebEnvironment.MOCK;

}
