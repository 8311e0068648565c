package io.logpipe.deploy;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;

/**
 * Parses a rendered object into its typed model and rejects fields the schema does not
 * know: Kubernetes' own kinds and the Prometheus Operator's through fabric8's
 * kubernetes-model, Strimzi's through Strimzi's own API classes, KEDA's and ECK's through
 * {@link OperatorResources}. The typed models keep unknown fields in
 * {@code additionalProperties}; a misspelt or misplaced field ends up there, so any
 * non-empty one is an error with its path.
 */
final class KubernetesSchemas {

	private static final KubernetesSerialization kubernetes = new KubernetesSerialization();

	private static final ObjectMapper strict = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private static final Map<String, Class<?>> operatorKinds = Map.of("kafka.strimzi.io/v1beta2/Kafka", Kafka.class,
			"kafka.strimzi.io/v1beta2/KafkaNodePool", KafkaNodePool.class, "kafka.strimzi.io/v1beta2/KafkaTopic",
			KafkaTopic.class, "kafka.strimzi.io/v1beta2/KafkaUser", KafkaUser.class, "keda.sh/v1alpha1/ScaledObject",
			OperatorResources.ScaledObject.class, "keda.sh/v1alpha1/TriggerAuthentication",
			OperatorResources.TriggerAuthentication.class, "elasticsearch.k8s.elastic.co/v1/Elasticsearch",
			OperatorResources.Elasticsearch.class, "kibana.k8s.elastic.co/v1/Kibana", OperatorResources.Kibana.class);

	private KubernetesSchemas() {
	}

	/** The typed object; throws with every unknown field's path when there are any. */
	static Object parse(JsonNode object) {
		String type = object.path("apiVersion").asText() + "/" + object.path("kind").asText();
		Object typed;
		Class<?> operatorKind = operatorKinds.get(type);
		try {
			typed = (operatorKind != null) ? strict.treeToValue(object, operatorKind)
					: kubernetes.unmarshal(object.toString(), KubernetesResource.class);
		}
		catch (Exception ex) {
			throw new IllegalArgumentException(type + " " + object.at("/metadata/name").asText()
					+ " does not match its schema: " + ex.getMessage(), ex);
		}
		if (typed instanceof GenericKubernetesResource) {
			throw new IllegalArgumentException("no schema known for " + type);
		}
		List<String> unknown = new ArrayList<>();
		collectUnknownFields(typed, type, unknown);
		if (!unknown.isEmpty()) {
			throw new IllegalArgumentException(type + " " + object.at("/metadata/name").asText()
					+ " has fields its schema does not know: " + unknown);
		}
		if (typed instanceof HasMetadata resource) {
			Objects.requireNonNull(resource.getMetadata().getName(), () -> type + " without metadata.name");
		}
		return typed;
	}

	private static void collectUnknownFields(Object value, String path, List<String> unknown) {
		if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean
				|| value instanceof Enum<?>) {
			return;
		}
		if (value instanceof Collection<?> collection) {
			int index = 0;
			for (Object element : collection) {
				collectUnknownFields(element, path + "[" + index++ + "]", unknown);
			}
			return;
		}
		if (value instanceof Map<?, ?> map) {
			map.forEach((key, element) -> collectUnknownFields(element, path + "." + key, unknown));
			return;
		}
		if (!isModel(value.getClass())) {
			return;
		}
		if (value.getClass().isRecord()) {
			for (RecordComponent component : value.getClass().getRecordComponents()) {
				collectUnknownFields(invoke(component.getAccessor(), value), path + "." + component.getName(), unknown);
			}
			return;
		}
		for (Method getter : value.getClass().getMethods()) {
			if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
					|| getter.getDeclaringClass() == Object.class || !getter.getName().startsWith("get")) {
				continue;
			}
			Object property = invoke(getter, value);
			if (getter.getName().equals("getAdditionalProperties")) {
				if (property instanceof Map<?, ?> extra && !extra.isEmpty()) {
					extra.keySet().forEach((key) -> unknown.add(path + "." + key));
				}
			}
			else {
				collectUnknownFields(property, path + "." + propertyName(getter), unknown);
			}
		}
	}

	private static boolean isModel(Class<?> type) {
		String name = type.getName();
		return name.startsWith("io.fabric8.") || name.startsWith("io.strimzi.") || name.startsWith("io.logpipe.");
	}

	private static String propertyName(Method getter) {
		String name = getter.getName().substring(3);
		return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
	}

	private static Object invoke(Method method, Object target) {
		try {
			method.setAccessible(true);
			return method.invoke(target);
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			// a computed getter that does not apply to this object (e.g. a kind helper)
			return null;
		}
	}

}
