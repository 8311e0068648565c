package io.logpipe.testsupport;

import java.util.List;

import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Finds {@link RealKafka @RealKafka} and {@link RealElasticsearch @RealElasticsearch} on
 * a test class. Registered in {@code META-INF/spring.factories}, where the Spring
 * TestContext framework looks for {@link ContextCustomizerFactory} implementations.
 *
 * <p>
 * Runs while Spring builds the context cache key for every test class, so it only reads
 * annotations; the servers start later, in {@link TestServersContextCustomizer}.
 */
class TestServersContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		boolean kafka = TestContextAnnotationUtils.hasAnnotation(testClass, RealKafka.class);
		boolean elasticsearch = TestContextAnnotationUtils.hasAnnotation(testClass, RealElasticsearch.class);
		return (kafka || elasticsearch) ? new TestServersContextCustomizer(kafka, elasticsearch) : null;
	}

}
