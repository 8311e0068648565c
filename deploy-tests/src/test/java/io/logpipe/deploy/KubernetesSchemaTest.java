package io.logpipe.deploy;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.strimzi.api.kafka.model.kafka.Kafka;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every object every overlay renders is valid against its kind's schema. */
class KubernetesSchemaTest {

	static final List<String> overlays = RenderedOverlay.OVERLAYS;

	@ParameterizedTest
	@FieldSource("overlays")
	void everyRenderedObjectMatchesItsSchema(String overlay) {
		List<JsonNode> objects = RenderedOverlay.of(overlay).objects();

		assertThat(objects).isNotEmpty()
			.allSatisfy((object) -> assertThat(KubernetesSchemas.parse(object)).isNotNull());
		assertThat(objects).extracting((object) -> object.path("kind").asText())
			.contains("Deployment", "Service", "ConfigMap", "PodDisruptionBudget", "NetworkPolicy",
					"HorizontalPodAutoscaler", "Ingress", "ScaledObject", "Kafka", "KafkaNodePool", "KafkaTopic",
					"Elasticsearch", "Kibana", "ServiceMonitor", "PrometheusRule");
	}

	@Test
	void typedModelsAreTheSpecificOnes() {
		RenderedOverlay prod = RenderedOverlay.of("overlays/prod");

		assertThat(KubernetesSchemas.parse(prod.one("Deployment", "ingest-api"))).isInstanceOf(Deployment.class);
		assertThat(KubernetesSchemas.parse(prod.one("Kafka", "logpipe"))).isInstanceOf(Kafka.class);
		assertThat(KubernetesSchemas.parse(prod.one("ServiceMonitor", "logpipe"))).isInstanceOf(ServiceMonitor.class);
		assertThat(KubernetesSchemas.parse(prod.one("PrometheusRule", "logpipe"))).isInstanceOf(PrometheusRule.class);
	}

	@Test
	void aMisspeltFieldIsRejectedWithItsPath() {
		ObjectNode deployment = RenderedOverlay.of("overlays/prod").one("Deployment", "ingest-api").deepCopy();
		ObjectNode container = (ObjectNode) deployment.at("/spec/template/spec/containers/0");
		container.set("readinesProbe", container.remove("readinessProbe"));

		assertThatThrownBy(() -> KubernetesSchemas.parse(deployment)).hasMessageContaining("readinesProbe");
	}

	@Test
	void aMisspeltOperatorFieldIsRejected() {
		ObjectNode scaledObject = RenderedOverlay.of("overlays/prod").one("ScaledObject", "parser-service").deepCopy();
		((ObjectNode) scaledObject.get("spec")).put("maxReplicas", 3);
		ObjectNode topic = RenderedOverlay.of("overlays/prod").one("KafkaTopic", "parsed-logs").deepCopy();
		((ObjectNode) topic.get("spec")).put("partition", 3);

		assertThatThrownBy(() -> KubernetesSchemas.parse(scaledObject)).hasMessageContaining("maxReplicas");
		assertThatThrownBy(() -> KubernetesSchemas.parse(topic)).hasMessageContaining("partition");
	}

	@Test
	void anUnknownKindIsRejected() {
		ObjectNode unknown = ProjectFiles.json.createObjectNode();
		unknown.put("apiVersion", "example.com/v1").put("kind", "Widget").putObject("metadata").put("name", "w");

		assertThatThrownBy(() -> KubernetesSchemas.parse(unknown)).hasMessageContaining("no schema known");
	}

}
