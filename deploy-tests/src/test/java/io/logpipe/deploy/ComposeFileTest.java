package io.logpipe.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.opentest4j.TestAbortedException;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/** docker-compose.yml: valid, and in step with the services and the Kubernetes topics. */
class ComposeFileTest {

	static final java.util.List<String> services = ServiceConfig.NAMES;

	private static final JsonNode compose = ProjectFiles.json
		.valueToTree(new Yaml().load(ProjectFiles.read("docker-compose.yml")));

	private static final Pattern createTopic = Pattern.compile("(?m)^\\s*create (\\S+) (\\d+) (\\d+)\\s*$");

	@Test
	void isValidForDockerCompose() throws Exception {
		Process process;
		try {
			process = new ProcessBuilder("docker-compose", "-f", ProjectFiles.path("docker-compose.yml").toString(),
					"config", "-q")
				.redirectErrorStream(true)
				.start();
		}
		catch (IOException ex) {
			if (System.getenv("CI") != null) {
				throw new AssertionError("docker-compose is missing: .ci/run installs it", ex);
			}
			throw new TestAbortedException("docker-compose is not installed (apt-get install docker-compose)");
		}
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
	}

	@Test
	void createsTheServicesTopicsWithTheirPartitionsAndTheKubernetesRetention() {
		String script = compose.at("/services/kafka-topics/command/0").asText();
		Map<String, Integer> partitions = new TreeMap<>();
		Map<String, Long> retention = new TreeMap<>();
		Matcher create = createTopic.matcher(script);
		while (create.find()) {
			partitions.put(create.group(1), Integer.parseInt(create.group(2)));
			retention.put(create.group(1), Long.parseLong(create.group(3)));
		}
		Map<String, Long> kubernetesRetention = new TreeMap<>();
		RenderedOverlay.of("overlays/prod")
			.ofKind("KafkaTopic")
			.forEach((topic) -> kubernetesRetention.put(topic.at("/metadata/name").asText(),
					topic.at("/spec/config/retention.ms").asLong()));

		assertThat(partitions).isEqualTo(new TreeMap<>(ServiceConfig.topics()));
		assertThat(retention).isEqualTo(kubernetesRetention);
		assertThat(compose.at("/services/kafka/environment/KAFKA_AUTO_CREATE_TOPICS_ENABLE").asText())
			.isEqualTo("false");
	}

	@ParameterizedTest
	@FieldSource("services")
	void servicesAreBuiltFromSourceOnTheirPortsAndWaitForWhatTheyNeed(String service) {
		JsonNode definition = compose.at("/services/" + service);
		int port = ServiceConfig.of(service).port();

		assertThat(definition.at("/build/dockerfile").asText()).isEqualTo("deploy/docker/Dockerfile");
		assertThat(definition.at("/build/args/SERVICE").asText()).isEqualTo(service);
		assertThat(definition.path("ports")).extracting(JsonNode::asText).containsExactly(port + ":" + port);
		assertThat(definition.at("/healthcheck/test").toString()).contains("/dev/tcp/127.0.0.1/" + port)
			.contains("/actuator/health/readiness");
		assertThat(definition.at("/depends_on/kafka-topics/condition").asText())
			.isEqualTo("service_completed_successfully");
		assertThat(definition.at("/environment/SPRING_KAFKA_BOOTSTRAP_SERVERS").asText()).isEqualTo("kafka:19092");
		if (service.equals("indexer-service")) {
			assertThat(definition.at("/depends_on/elasticsearch/condition").asText()).isEqualTo("service_healthy");
		}
	}

	@Test
	void everyContainerHasAMemoryLimitAHealthCheckAndWaitsOnConditions() {
		compose.path("services").properties().forEach((entry) -> {
			String name = entry.getKey();
			JsonNode service = entry.getValue();
			assertThat(service.path("mem_limit").asText()).as(name).matches("\\d+[mg]");
			if (!service.path("restart").asText().equals("no")) {
				assertThat(service.at("/healthcheck/test").isArray()).as(name + " has a health check").isTrue();
			}
			service.path("depends_on")
				.properties()
				.forEach((dependency) -> assertThat(dependency.getValue().path("condition").asText())
					.as(name + " waits for " + dependency.getKey())
					.isIn("service_healthy", "service_completed_successfully"));
		});
	}

	@Test
	void imagesArePinnedToTheVersionsTheTestsRun() {
		compose.path("services").properties().forEach((entry) -> {
			String image = entry.getValue().path("image").asText();
			assertThat(image).as(entry.getKey()).matches(".+:[A-Za-z0-9._-]+").doesNotEndWith(":latest");
		});

		assertThat(compose.at("/services/kafka/image").asText())
			.isEqualTo("apache/kafka:" + System.getProperty("logpipe.kafka.version"));
		assertThat(compose.at("/services/kafka-topics/image").asText())
			.isEqualTo(compose.at("/services/kafka/image").asText());
		String elasticsearch = System.getProperty("logpipe.elasticsearch.version");
		assertThat(compose.at("/services/elasticsearch/image").asText()).endsWith("/elasticsearch:" + elasticsearch);
		assertThat(compose.at("/services/kibana/image").asText()).endsWith("/kibana:" + elasticsearch);
		assertThat(RenderedOverlay.of("overlays/prod").one("Elasticsearch", "logpipe").at("/spec/version").asText())
			.isEqualTo(elasticsearch);
	}

	@Test
	void kafkaAndElasticsearchKeepTheirUsualPorts() {
		assertThat(compose.at("/services/kafka/ports")).extracting(JsonNode::asText).containsExactly("9092:9092");
		assertThat(compose.at("/services/elasticsearch/ports")).extracting(JsonNode::asText)
			.containsExactly("9200:9200");
		assertThat(compose.at("/services/elasticsearch/environment").path("xpack.security.enabled").asText())
			.isEqualTo("false");
	}

}
