package io.logpipe.deploy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Boot ignores an environment variable that binds to nothing: a misspelt
 * {@code SPRING_KAFKA_SECURITY_PROTOCOL} would silently leave Kafka in plain text. Every
 * variable the manifests and the compose file give a service must be a property that
 * service has.
 */
class EnvironmentNamesTest {

	static final List<String> services = ServiceConfig.NAMES;

	/** Read by the JVM or glibc, not by Spring. */
	private static final Set<String> notSpring = Set.of("MALLOC_ARENA_MAX", "JAVA_TOOL_OPTIONS");

	private static final Map<String, ServiceProperties> known = new ConcurrentHashMap<>();

	@ParameterizedTest
	@FieldSource("services")
	void everyVariableTheOverlaysSetIsAPropertyOfTheService(String service) {
		for (String overlay : RenderedOverlay.OVERLAYS) {
			RenderedOverlay rendered = RenderedOverlay.of(overlay);
			Set<String> variables = new TreeSet<>();
			rendered.oneNamedLike("ConfigMap", service).path("data").fieldNames().forEachRemaining(variables::add);
			rendered.one("Deployment", service)
				.at("/spec/template/spec/containers/0/env")
				.forEach((variable) -> variables.add(variable.path("name").asText()));

			assertThat(variables).as(overlay).isNotEmpty();
			assertThat(unknown(service, variables)).as(overlay + " sets variables " + service + " does not know")
				.isEmpty();
		}
	}

	@ParameterizedTest
	@FieldSource("services")
	void everyVariableComposeSetsIsAPropertyOfTheService(String service) {
		JsonNode compose = ProjectFiles.json.valueToTree(new Yaml().load(ProjectFiles.read("docker-compose.yml")));
		Set<String> variables = new TreeSet<>();
		compose.at("/services/" + service + "/environment").fieldNames().forEachRemaining(variables::add);

		assertThat(unknown(service, variables)).isEmpty();
	}

	@Test
	void theApiKeyFilesConfigureKnownProperties() {
		JsonNode node = ProjectFiles.yamlFile("deploy/k8s/overlays/dev/api-keys.yml");
		StringBuilder property = new StringBuilder();
		while (node.isObject() && node.size() == 1) {
			String key = node.fieldNames().next();
			property.append(property.isEmpty() ? "" : ".").append(key);
			node = node.get(key);
		}

		assertThat(node.isArray()).as("the file ends in the list of keys").isTrue();
		assertThat(node.get(0).path("sha256").asText()).hasSize(64);
		// ingest-api checks the keys; indexer-service mounts the same Secret for its
		// search API
		assertThat(properties("ingest-api").knowsProperty(property.toString())).as(property.toString()).isTrue();
		assertThat(ProjectFiles.read("README.md")).contains("--from-file=api-keys.yml");
	}

	@Test
	void aMisspeltVariableIsCaught() {
		assertThat(unknown("ingest-api",
				Set.of("SPRING_KAFKA_SECURITY_PROTOCOLL", "SPRING_KAFKA_SECURITY_PROTOCOL",
						"SPRING_SSL_BUNDLE_PEM_KAFKA_TRUSTSTORE_CERTIFICATE")))
			.containsExactly("SPRING_KAFKA_SECURITY_PROTOCOLL");
	}

	private static Set<String> unknown(String service, Set<String> variables) {
		ServiceProperties properties = properties(service);
		Set<String> unknown = new TreeSet<>();
		for (String variable : variables) {
			if (!notSpring.contains(variable) && !properties.knowsVariable(variable)) {
				unknown.add(variable);
			}
		}
		return unknown;
	}

	private static ServiceProperties properties(String service) {
		return known.computeIfAbsent(service, ServiceProperties::of);
	}

}
