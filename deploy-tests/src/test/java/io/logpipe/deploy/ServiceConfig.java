package io.logpipe.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the services' own configuration files say, read from their {@code application.yml}
 * (the first, profile-less document) so that the deployment files are checked against the
 * services and never against a second copy of the numbers.
 *
 * @param name the service (its module and {@code spring.application.name})
 * @param port {@code server.port}
 * @param groupId the consumer group, {@code null} for ingest-api
 * @param reads the topics the service consumes
 * @param writes the topics the service creates and produces to, each with the partitions
 * it creates it with
 * @param replays the topics indexer-service's dead-letter replay reads or writes, without
 * a consumer group: the dead-letter topics, where it notes what it replayed, and where it
 * sends dead letters back to
 */
record ServiceConfig(String name, int port, String groupId, Set<String> reads, Map<String, Integer> writes,
		Set<String> replays) {

	static final List<String> NAMES = List.of("ingest-api", "parser-service", "indexer-service");

	static ServiceConfig of(String name) {
		JsonNode config = ProjectFiles.yamlDocuments(ProjectFiles.read(name + "/src/main/resources/application.yml"))
			.get(0);
		int port = required(config, "/server/port").asInt();
		return switch (name) {
			case "ingest-api" -> {
				JsonNode kafka = required(config, "/ingest/kafka");
				int partitions = required(kafka, "/partitions").asInt();
				Map<String, Integer> writes = new LinkedHashMap<>();
				required(kafka, "/topics").forEach((topic) -> writes.put(topic.asText(), partitions));
				yield new ServiceConfig(name, port, null, Set.of(), writes, Set.of());
			}
			case "parser-service" -> {
				JsonNode kafka = required(config, "/parser/kafka");
				int partitions = required(kafka, "/partitions").asInt();
				Set<String> reads = new LinkedHashSet<>();
				required(kafka, "/raw-topics").forEach((topic) -> reads.add(topic.asText()));
				Map<String, Integer> writes = new LinkedHashMap<>();
				for (String topic : List.of(required(kafka, "/parsed-topic").asText(),
						required(kafka, "/dead-letter-topic").asText(),
						required(config, "/parser/metrics/topic").asText())) {
					writes.put(topic, partitions);
				}
				// The parser creates the raw topics too, whichever service starts first.
				reads.forEach((topic) -> writes.put(topic, partitions));
				yield new ServiceConfig(name, port, required(config, "/spring/kafka/consumer/group-id").asText(), reads,
						writes, Set.of());
			}
			case "indexer-service" -> {
				JsonNode indexer = required(config, "/indexer");
				JsonNode replay = required(indexer, "/dead-letter-replay");
				String parsed = required(indexer, "/parsed-topic").asText();
				String metrics = required(indexer, "/metrics-topic").asText();
				String deadLetters = required(indexer, "/dead-letter-topic").asText();
				String replayed = required(replay, "/replayed-topic").asText();
				int partitions = required(indexer, "/partitions").asInt();
				Set<String> replays = new LinkedHashSet<>(List.of(deadLetters,
						required(replay, "/parse-dead-letter-topic").asText(), replayed, parsed, metrics));
				required(replay, "/raw-topics").forEach((topic) -> replays.add(topic.asText()));
				yield new ServiceConfig(name, port, required(config, "/spring/kafka/consumer/group-id").asText(),
						new LinkedHashSet<>(List.of(parsed, metrics)),
						Map.of(deadLetters, partitions, replayed, partitions), replays);
			}
			default -> throw new IllegalArgumentException("no service " + name);
		};
	}

	static List<ServiceConfig> all() {
		return NAMES.stream().map(ServiceConfig::of).toList();
	}

	/**
	 * Every topic any service uses, with the partitions it is created with; fails when
	 * two services would create one topic with different counts.
	 */
	static Map<String, Integer> topics() {
		Map<String, Integer> topics = new LinkedHashMap<>();
		List<String> conflicts = new ArrayList<>();
		for (ServiceConfig service : all()) {
			service.writes().forEach((topic, partitions) -> {
				Integer earlier = topics.putIfAbsent(topic, partitions);
				if (earlier != null && !earlier.equals(partitions)) {
					conflicts.add(topic + ": " + earlier + " and " + partitions);
				}
			});
		}
		if (!conflicts.isEmpty()) {
			throw new IllegalStateException("services create topics with different partition counts: " + conflicts);
		}
		return topics;
	}

	/**
	 * {@code spring.lifecycle.timeout-per-shutdown-phase} of every service, in seconds.
	 */
	static int shutdownPhaseSeconds() {
		JsonNode defaults = ProjectFiles
			.yamlDocuments(ProjectFiles.read("service-support/src/main/resources/logpipe-service-defaults.yml"))
			.get(0);
		String timeout = required(defaults, "/spring/lifecycle/timeout-per-shutdown-phase").asText();
		if (!timeout.matches("\\d+s")) {
			throw new IllegalStateException("expected whole seconds, was " + timeout);
		}
		return Integer.parseInt(timeout.substring(0, timeout.length() - 1));
	}

	private static JsonNode required(JsonNode node, String pointer) {
		JsonNode value = node.at(pointer);
		if (value.isMissingNode() || value.isNull()) {
			throw new IllegalStateException("application.yml has no " + pointer);
		}
		return value;
	}

}
