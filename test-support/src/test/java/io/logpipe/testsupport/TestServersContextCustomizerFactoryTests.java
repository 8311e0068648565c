package io.logpipe.testsupport;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestServersContextCustomizerFactoryTests {

	private final TestServersContextCustomizerFactory factory = new TestServersContextCustomizerFactory();

	@Test
	void leavesClassesWithoutTheAnnotationsAlone() {
		assertThat(this.factory.createContextCustomizer(Plain.class, List.of())).isNull();
	}

	@Test
	void asksOnlyForTheServersATestNames() {
		assertThat(this.factory.createContextCustomizer(KafkaOnly.class, List.of()))
			.isEqualTo(new TestServersContextCustomizer(true, false));
		assertThat(this.factory.createContextCustomizer(ElasticsearchOnly.class, List.of()))
			.isEqualTo(new TestServersContextCustomizer(false, true));
	}

	@Test
	void findsTheAnnotationsOnAComposedAnnotation() {
		assertThat(this.factory.createContextCustomizer(Pipeline.class, List.of()))
			.isEqualTo(new TestServersContextCustomizer(true, true));
	}

	@Test
	void givesEqualCustomizersSoThatTestsShareACachedContext() {
		assertThat(this.factory.createContextCustomizer(Pipeline.class, List.of()))
			.isEqualTo(this.factory.createContextCustomizer(BothDirectly.class, List.of()));
	}

	static class Plain {

	}

	@RealKafka
	static class KafkaOnly {

	}

	@RealElasticsearch
	static class ElasticsearchOnly {

	}

	@RealKafka
	@RealElasticsearch
	static class BothDirectly {

	}

	@Retention(RetentionPolicy.RUNTIME)
	@RealKafka
	@RealElasticsearch
	@interface PipelineTest {

	}

	@PipelineTest
	static class Pipeline {

	}

}
