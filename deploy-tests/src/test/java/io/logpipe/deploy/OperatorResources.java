package io.logpipe.deploy;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;

/**
 * The fields of KEDA's and ECK's resources that logpipe uses, as their CRDs define them
 * (keda.sh/v1alpha1, elasticsearch.k8s.elastic.co/v1, kibana.k8s.elastic.co/v1). Parsed
 * strictly: a field not listed here fails the parse, a required one missing fails its
 * constructor. Pod templates and claims are fabric8's Kubernetes types, so they are
 * checked against the Kubernetes schema as well.
 */
final class OperatorResources {

	private OperatorResources() {
	}

	record ScaledObject(String apiVersion, String kind, ObjectMeta metadata, ScaledObjectSpec spec) {
		ScaledObject {
			Objects.requireNonNull(spec, "spec");
		}
	}

	record ScaledObjectSpec(ScaleTarget scaleTargetRef, Integer minReplicaCount, Integer maxReplicaCount,
			Integer pollingInterval, Integer cooldownPeriod, List<Trigger> triggers) {
		ScaledObjectSpec {
			Objects.requireNonNull(scaleTargetRef, "spec.scaleTargetRef");
			Objects.requireNonNull(maxReplicaCount, "spec.maxReplicaCount");
			if (triggers == null || triggers.isEmpty()) {
				throw new IllegalArgumentException("spec.triggers must not be empty");
			}
		}
	}

	record ScaleTarget(String name, String apiVersion, String kind) {
		ScaleTarget {
			Objects.requireNonNull(name, "scaleTargetRef.name");
		}
	}

	/**
	 * @param metadata the scaler's settings; for {@code kafka}: bootstrapServers,
	 * consumerGroup, topic, lagThreshold, offsetResetPolicy, tls, sasl; for
	 * {@code prometheus}: serverAddress, query, threshold
	 */
	record Trigger(String type, Map<String, String> metadata, AuthenticationRef authenticationRef) {
		Trigger {
			Objects.requireNonNull(type, "trigger.type");
			Objects.requireNonNull(metadata, "trigger.metadata");
			if ("kafka".equals(type) && (!metadata.containsKey("bootstrapServers")
					|| !metadata.containsKey("consumerGroup") || !metadata.containsKey("lagThreshold"))) {
				throw new IllegalArgumentException(
						"a kafka trigger needs bootstrapServers, consumerGroup and lagThreshold");
			}
		}
	}

	record AuthenticationRef(String name, String kind) {
		AuthenticationRef {
			Objects.requireNonNull(name, "authenticationRef.name");
		}
	}

	record TriggerAuthentication(String apiVersion, String kind, ObjectMeta metadata, TriggerAuthenticationSpec spec) {
	}

	record TriggerAuthenticationSpec(List<SecretTarget> secretTargetRef) {
	}

	record SecretTarget(String parameter, String name, String key) {
		SecretTarget {
			Objects.requireNonNull(parameter, "secretTargetRef.parameter");
			Objects.requireNonNull(name, "secretTargetRef.name");
			Objects.requireNonNull(key, "secretTargetRef.key");
		}
	}

	record Elasticsearch(String apiVersion, String kind, ObjectMeta metadata, ElasticsearchSpec spec) {
	}

	record ElasticsearchSpec(String version, Auth auth, Http http, List<NodeSet> nodeSets) {
		ElasticsearchSpec {
			Objects.requireNonNull(version, "spec.version");
			if (nodeSets == null || nodeSets.isEmpty()) {
				throw new IllegalArgumentException("spec.nodeSets must not be empty");
			}
		}
	}

	record Auth(List<SecretRef> roles, List<SecretRef> fileRealm) {
	}

	record SecretRef(String secretName) {
		SecretRef {
			Objects.requireNonNull(secretName, "secretName");
		}
	}

	record Http(Tls tls) {
	}

	record Tls(SelfSignedCertificate selfSignedCertificate, SecretRef certificate) {
	}

	record SelfSignedCertificate(Boolean disabled, List<Map<String, Object>> subjectAltNames) {
	}

	record NodeSet(String name, int count, Map<String, Object> config, PodTemplateSpec podTemplate,
			List<PersistentVolumeClaim> volumeClaimTemplates) {
		NodeSet {
			Objects.requireNonNull(name, "nodeSets.name");
		}
	}

	record Kibana(String apiVersion, String kind, ObjectMeta metadata, KibanaSpec spec) {
	}

	record KibanaSpec(String version, int count, ElasticsearchRef elasticsearchRef, PodTemplateSpec podTemplate) {
		KibanaSpec {
			Objects.requireNonNull(version, "spec.version");
			Objects.requireNonNull(elasticsearchRef, "spec.elasticsearchRef");
		}
	}

	record ElasticsearchRef(String name) {
	}

}
