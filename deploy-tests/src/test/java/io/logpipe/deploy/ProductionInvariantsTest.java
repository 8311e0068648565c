package io.logpipe.deploy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a production deployment of logpipe must keep, checked on the rendered prod overlay
 * against the services' own configuration.
 */
class ProductionInvariantsTest {

	static final List<String> services = ServiceConfig.NAMES;

	/**
	 * Secrets the manifests use but do not render: the operator creates the first three
	 * (README, "Run on Kubernetes"), cert-manager the ingress certificate, Strimzi and
	 * ECK the rest.
	 */
	static final Set<String> externalSecrets = Set.of("logpipe-api-keys", "logpipe-indexer-es-user",
			"logpipe-admin-token", "logpipe-tls", "logpipe-cluster-ca-cert", "logpipe-es-http-certs-public",
			"logpipe-ingest-api", "logpipe-parser-service", "logpipe-indexer-service", "logpipe-keda");

	private final RenderedOverlay prod = RenderedOverlay.of("overlays/prod");

	@ParameterizedTest
	@FieldSource("services")
	void probesUseTheActuatorHealthGroups(String service) {
		JsonNode container = container(service);
		ServiceConfig config = ServiceConfig.of(service);

		assertThat(container.at("/ports/0/containerPort").asInt()).isEqualTo(config.port());
		String port = container.at("/ports/0/name").asText();
		assertThat(container.at("/startupProbe/httpGet/path").asText()).isEqualTo("/actuator/health/liveness");
		assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/actuator/health/liveness");
		assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/actuator/health/readiness");
		for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
			assertThat(container.at("/" + probe + "/httpGet/port").asText()).as(probe).isEqualTo(port);
		}
	}

	@ParameterizedTest
	@FieldSource("services")
	void requestsAndLimitsAreSet(String service) {
		JsonNode resources = container(service).path("resources");

		assertThat(resources.at("/requests/cpu").asText()).isNotEmpty();
		assertThat(resources.at("/requests/memory").asText()).isNotEmpty();
		assertThat(resources.at("/limits/memory").asText()).isNotEmpty();
		// The heap is a share of the limit: request and limit equal, so the JVM never
		// sizes
		// itself for memory the node may not give it.
		assertThat(resources.at("/requests/memory").asText()).isEqualTo(resources.at("/limits/memory").asText());
	}

	@ParameterizedTest
	@FieldSource("services")
	void runsLockedDown(String service) {
		JsonNode pod = pod(service);
		JsonNode container = container(service);

		assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
		assertThat(pod.at("/securityContext/runAsUser").asInt()).isEqualTo(DockerImageTest.imageUid());
		assertThat(pod.at("/securityContext/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");
		assertThat(pod.path("automountServiceAccountToken").asBoolean(true)).isFalse();
		assertThat(container.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
		assertThat(container.at("/securityContext/allowPrivilegeEscalation").asBoolean(true)).isFalse();
		assertThat(container.at("/securityContext/capabilities/drop")).extracting(JsonNode::asText)
			.containsExactly("ALL");
		assertThat(container.at("/securityContext/privileged").asBoolean(false)).isFalse();
		// ... with a writable /tmp from an emptyDir.
		String tmpVolume = stream(container.path("volumeMounts"))
			.filter((mount) -> mount.path("mountPath").asText().equals("/tmp"))
			.map((mount) -> mount.path("name").asText())
			.findFirst()
			.orElseThrow(() -> new AssertionError(service + " mounts nothing on /tmp"));
		assertThat(stream(pod.path("volumes")).filter((volume) -> volume.path("name").asText().equals(tmpVolume)))
			.singleElement()
			.satisfies((volume) -> assertThat(volume.has("emptyDir")).isTrue());
	}

	@ParameterizedTest
	@FieldSource("services")
	void shutsDownGracefullyWithinTheGracePeriod(String service) {
		JsonNode pod = pod(service);
		JsonNode preStop = container(service).at("/lifecycle/preStop/exec/command");

		assertThat(preStop).extracting(JsonNode::asText).hasSize(2).first().isEqualTo("sleep");
		int pause = Integer.parseInt(preStop.get(1).asText());
		int grace = pod.path("terminationGracePeriodSeconds").asInt();
		assertThat(pause).isPositive();
		// SIGTERM comes after the pause; Spring then has its shutdown phase to finish the
		// requests and batches in flight; the JVM needs a moment to exit after that.
		assertThat(pause + ServiceConfig.shutdownPhaseSeconds() + 5).isLessThanOrEqualTo(grace);
		JsonNode strategy = this.prod.one("Deployment", service).at("/spec/strategy/rollingUpdate");
		assertThat(strategy.path("maxUnavailable").asText()).isEqualTo("0");
	}

	@ParameterizedTest
	@FieldSource("services")
	void imagesArePinned(String service) {
		String image = container(service).path("image").asText();

		assertThat(image).matches(".+:[A-Za-z0-9._-]+$|.+@sha256:[0-9a-f]{64}$").doesNotEndWith(":latest");
	}

	@Test
	void noImageAnywhereIsLatestOrUntagged() {
		List<String> images = new ArrayList<>();
		this.prod.objects()
			.forEach((object) -> object.findValues("image").forEach((image) -> images.add(image.asText())));

		assertThat(images).isNotEmpty()
			.allSatisfy((image) -> assertThat(image).contains(":").doesNotEndWith(":latest"));
	}

	@ParameterizedTest
	@FieldSource("services")
	void everyServiceHasAPodDisruptionBudgetAServiceAndSpreadsOverNodes(String service) {
		JsonNode labels = this.prod.one("Deployment", service).at("/spec/template/metadata/labels");

		assertThat(this.prod.ofKind("PodDisruptionBudget"))
			.filteredOn((pdb) -> selects(pdb.at("/spec/selector/matchLabels"), labels))
			.singleElement()
			.satisfies((pdb) -> assertThat(pdb.at("/spec/maxUnavailable").asInt()).isEqualTo(1));
		assertThat(this.prod.ofKind("Service")).filteredOn((svc) -> selects(svc.at("/spec/selector"), labels))
			.singleElement()
			.satisfies((svc) -> assertThat(svc.at("/spec/ports/0/port").asInt())
				.isEqualTo(ServiceConfig.of(service).port()));
		assertThat(pod(service).path("topologySpreadConstraints"))
			.anySatisfy((constraint) -> assertThat(constraint.path("topologyKey").asText())
				.isEqualTo("kubernetes.io/hostname"));
		assertThat(this.prod.one("Deployment", service).at("/spec/replicas").asInt()).isGreaterThanOrEqualTo(2);
	}

	@ParameterizedTest
	@FieldSource("services")
	void onlyTheIngressControllerAndPrometheusReachAService(String service) {
		JsonNode labels = this.prod.one("Deployment", service).at("/spec/template/metadata/labels");
		List<JsonNode> policies = this.prod.ofKind("NetworkPolicy")
			.stream()
			.filter((policy) -> selects(policy.at("/spec/podSelector/matchLabels"), labels))
			.toList();

		assertThat(policies).singleElement()
			.satisfies((policy) -> assertThat(policy.at("/spec/policyTypes")).extracting(JsonNode::asText)
				.contains("Ingress"));
		Set<String> namespaces = new TreeSet<>();
		for (JsonNode rule : policies.get(0).at("/spec/ingress")) {
			assertThat(rule.path("ports")).extracting((port) -> port.path("port").asInt())
				.containsExactly(ServiceConfig.of(service).port());
			for (JsonNode peer : rule.path("from")) {
				assertThat(peer.has("ipBlock")).as("no address ranges").isFalse();
				assertThat(peer.has("podSelector") && peer.has("namespaceSelector"))
					.as("each peer names a namespace and its pods")
					.isTrue();
				namespaces.add(peer.at("/namespaceSelector/matchLabels").path("kubernetes.io/metadata.name").asText());
			}
		}
		assertThat(namespaces)
			.isEqualTo(service.equals("parser-service") ? Set.of("monitoring") : Set.of("ingress-nginx", "monitoring"));
	}

	@Test
	void onlyTheIndexerAmongTheServicesReachesElasticsearch() {
		JsonNode policy = this.prod.ofKind("NetworkPolicy")
			.stream()
			.filter((candidate) -> candidate.at("/spec/podSelector/matchLabels")
				.has("elasticsearch.k8s.elastic.co/cluster-name"))
			.findFirst()
			.orElseThrow();
		Set<String> servicePeers = new HashSet<>();
		for (JsonNode rule : policy.at("/spec/ingress")) {
			for (JsonNode peer : rule.path("from")) {
				String app = peer.at("/podSelector/matchLabels").path("app.kubernetes.io/name").asText();
				if (!app.isEmpty()) {
					servicePeers.add(app);
				}
			}
		}

		assertThat(servicePeers).containsExactly("indexer-service");
		assertThat(this.prod.one("Elasticsearch", "logpipe")
			.at("/spec/http/tls/selfSignedCertificate/disabled")
			.asBoolean(false)).as("prod Elasticsearch serves TLS").isFalse();
	}

	@Test
	void kedaNeverScalesBeyondThePartitionsOfTheTopicsItReads() {
		Map<String, Integer> partitions = ServiceConfig.topics();
		for (String service : List.of("parser-service", "indexer-service")) {
			ServiceConfig config = ServiceConfig.of(service);
			JsonNode scaledObject = this.prod.one("ScaledObject", service);
			int fewest = config.reads().stream().mapToInt(partitions::get).min().orElseThrow();

			assertThat(scaledObject.at("/spec/scaleTargetRef/name").asText()).isEqualTo(service);
			assertThat(scaledObject.at("/spec/maxReplicaCount").asInt()).as(service).isLessThanOrEqualTo(fewest);
			assertThat(scaledObject.at("/spec/minReplicaCount").asInt()).isGreaterThanOrEqualTo(2);
			for (JsonNode trigger : scaledObject.at("/spec/triggers")) {
				assertThat(trigger.path("type").asText()).isEqualTo("kafka");
				assertThat(trigger.at("/metadata/consumerGroup").asText()).isEqualTo(config.groupId());
				if (trigger.at("/metadata/topic").isTextual()) {
					assertThat(config.reads()).contains(trigger.at("/metadata/topic").asText());
				}
				assertThat(trigger.at("/metadata/tls").asText()).isEqualTo("enable");
				assertThat(trigger.at("/metadata/bootstrapServers").asText()).endsWith(":9093");
				String auth = trigger.at("/authenticationRef/name").asText();
				assertThat(this.prod.one("TriggerAuthentication", auth)).isNotNull();
			}
		}
		JsonNode hpa = this.prod.one("HorizontalPodAutoscaler", "ingest-api");
		assertThat(hpa.at("/spec/metrics/0/resource/name").asText()).isEqualTo("cpu");
		assertThat(hpa.at("/spec/minReplicas").asInt()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void kafkaTopicsAreTheServicesTopicsWithTheirPartitions() {
		Map<String, Integer> expected = new TreeMap<>(ServiceConfig.topics());
		Map<String, Integer> rendered = new TreeMap<>();
		for (JsonNode topic : this.prod.ofKind("KafkaTopic")) {
			String name = topic.at("/spec/topicName").asText(topic.at("/metadata/name").asText());
			rendered.put(name, topic.at("/spec/partitions").asInt());
			assertThat(topic.at("/spec/replicas").asInt()).as(name).isEqualTo(3);
			assertThat(topic.at("/spec/config/min.insync.replicas").asInt()).as(name).isEqualTo(2);
			assertThat(topic.at("/spec/config/retention.ms").asLong()).as(name).isPositive();
			assertThat(topic.at("/spec/config/compression.type").asText()).as(name).isNotEmpty();
			assertThat(topic.at("/metadata/labels").path("strimzi.io/cluster").asText()).isEqualTo("logpipe");
		}

		assertThat(rendered).isEqualTo(expected);
		JsonNode kafka = this.prod.one("Kafka", "logpipe").at("/spec/kafka");
		assertThat(kafka.at("/config/auto.create.topics.enable").asBoolean(true)).isFalse();
		assertThat(kafka.at("/config/min.insync.replicas").asInt()).isEqualTo(2);
	}

	@Test
	void kafkaIsReachedOnlyOverTlsWithEachServicesOwnCertificate() {
		JsonNode listeners = this.prod.one("Kafka", "logpipe").at("/spec/kafka/listeners");
		assertThat(listeners).allSatisfy((listener) -> {
			assertThat(listener.path("tls").asBoolean()).isTrue();
			assertThat(listener.at("/authentication/type").asText()).isEqualTo("tls");
		});
		assertThat(this.prod.one("Kafka", "logpipe").at("/spec/kafka/authorization/type").asText()).isEqualTo("simple");

		for (String service : services) {
			JsonNode user = this.prod.one("KafkaUser", "logpipe-" + service);
			JsonNode env = this.prod.oneNamedLike("ConfigMap", service).path("data");
			JsonNode pod = pod(service);

			assertThat(user.at("/spec/authentication/type").asText()).isEqualTo("tls");
			assertThat(env.path("SPRING_KAFKA_SECURITY_PROTOCOL").asText()).isEqualTo("SSL");
			assertThat(env.path("SPRING_KAFKA_SSL_BUNDLE").asText()).isEqualTo("kafka");
			assertThat(env.path("SPRING_KAFKA_BOOTSTRAP_SERVERS").asText()).endsWith(":9093");
			assertThat(pod.path("volumes")).anySatisfy((volume) -> assertThat(volume.at("/secret/secretName").asText())
				.isEqualTo(user.at("/metadata/name").asText()));
			assertThat(aclTopics(user)).as(service + "'s ACLs name exactly its topics")
				.isEqualTo(topicsOf(ServiceConfig.of(service)));
		}
		JsonNode indexerEnv = this.prod.oneNamedLike("ConfigMap", "indexer-service").path("data");
		assertThat(indexerEnv.path("SPRING_ELASTICSEARCH_URIS").asText()).startsWith("https://");
		assertThat(indexerEnv.path("SPRING_ELASTICSEARCH_RESTCLIENT_SSL_BUNDLE").asText()).isEqualTo("elasticsearch");
	}

	@Test
	void theIngressServesTheApisOverTlsAndNothingElse() {
		JsonNode ingress = this.prod.one("Ingress", "logpipe");
		Map<String, String> routes = new TreeMap<>();
		for (JsonNode rule : ingress.at("/spec/rules")) {
			for (JsonNode path : rule.at("/http/paths")) {
				routes.put(path.path("path").asText(), path.at("/backend/service/name").asText());
			}
		}

		assertThat(ingress.at("/spec/tls/0/secretName").asText()).isNotEmpty();
		assertThat(routes).isEqualTo(Map.of("/api/v1/logs", "ingest-api", "/api/v1/search", "indexer-service",
				"/api/v1/tail", "indexer-service", "/ui", "indexer-service"));
	}

	@Test
	void everySecretIsRenderedOrCreatedByAnOperatorOrTheReadmeSaysSo() {
		Set<String> rendered = new HashSet<>();
		this.prod.ofKind("Secret").forEach((secret) -> rendered.add(secret.at("/metadata/name").asText()));
		Set<String> referenced = new TreeSet<>();
		for (JsonNode object : this.prod.objects()) {
			object.findValues("secretName").forEach((name) -> referenced.add(name.asText()));
			object.findParents("secretKeyRef").forEach((ref) -> referenced.add(ref.at("/secretKeyRef/name").asText()));
			object.findParents("secretTargetRef")
				.forEach((ref) -> ref.path("secretTargetRef")
					.forEach((target) -> referenced.add(target.path("name").asText())));
		}
		referenced.removeAll(rendered);

		assertThat(externalSecrets).containsAll(referenced);
		String readme = ProjectFiles.read("README.md");
		for (String secret : List.of("logpipe-api-keys", "logpipe-indexer-es-user", "logpipe-admin-token")) {
			assertThat(readme.contains(secret)).as("the README tells how to create " + secret).isTrue();
		}
	}

	private static Set<String> topicsOf(ServiceConfig service) {
		Set<String> topics = new TreeSet<>(service.reads());
		topics.addAll(service.writes().keySet());
		topics.addAll(service.replays());
		return topics;
	}

	private static Set<String> aclTopics(JsonNode user) {
		Set<String> topics = new TreeSet<>();
		for (JsonNode acl : user.at("/spec/authorization/acls")) {
			if (acl.at("/resource/type").asText().equals("topic")) {
				topics.add(acl.at("/resource/name").asText());
			}
		}
		return topics;
	}

	private JsonNode pod(String service) {
		return this.prod.one("Deployment", service).at("/spec/template/spec");
	}

	private JsonNode container(String service) {
		JsonNode containers = pod(service).path("containers");
		assertThat(containers).hasSize(1);
		return containers.get(0);
	}

	private static boolean selects(JsonNode selector, JsonNode labels) {
		if (selector == null || selector.isMissingNode() || selector.isEmpty() || labels == null) {
			return false;
		}
		for (Map.Entry<String, JsonNode> entry : selector.properties()) {
			if (!entry.getValue().asText().equals(labels.path(entry.getKey()).asText())) {
				return false;
			}
		}
		return true;
	}

	private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
		List<JsonNode> elements = new ArrayList<>();
		array.forEach(elements::add);
		return elements.stream();
	}

}
