package io.logpipe.deploy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.logpipe.testsupport.ServiceProcess;
import io.logpipe.testsupport.TestServers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Metric names cannot drift: the three services run from their jars on real Kafka and
 * Elasticsearch, get traffic that makes each of their meters appear (accepted, rejected
 * and rate-limited requests, a parse failure, a dropped document, indexed documents, a
 * service over its tenant's bound), and every metric the Grafana dashboard, the alert
 * rules or a KEDA trigger names must then be on one of their {@code /actuator/prometheus}
 * pages.
 */
class ExposedMetricNamesIT {

	private static final String KEY = "metrics-test-key";

	private static final String LIMITED_KEY = "metrics-test-limited-key";

	private static final HttpClient http = HttpClient.newHttpClient();

	private static final List<ServiceProcess> services = new ArrayList<>();

	private static ServiceProcess ingest;

	@BeforeAll
	static void startPipeline() throws Exception {
		Map<String, String> keys = new HashMap<>();
		keys.put("logpipe.auth.keys[0].sha256", sha256(KEY));
		keys.put("logpipe.auth.keys[0].tenant", "metrics");
		keys.put("logpipe.auth.keys[1].sha256", sha256(LIMITED_KEY));
		keys.put("logpipe.auth.keys[1].tenant", "metrics");
		keys.put("logpipe.auth.keys[1].rate-limit.requests", "1");
		keys.put("logpipe.auth.keys[1].rate-limit.period", "1h");
		ingest = start("ingest-api", keys);
		start("parser-service", Map.of("parser.rules[0].name", "drop-noise", "parser.rules[0].service", "noise",
				"parser.rules[0].action", "drop"));
		// One service per tenant, so that the second service of "metrics" overflows and
		// the
		// overflow counter appears.
		start("indexer-service", Map.of("spring.elasticsearch.uris", TestServers.elasticsearch().uri().toString(),
				"indexer.tenants.max-services-per-tenant", "1"));
		for (ServiceProcess service : services) {
			service.awaitReady(Duration.ofSeconds(150));
		}
	}

	private static ServiceProcess start(String name, Map<String, String> properties) {
		Map<String, String> all = new HashMap<>(properties);
		all.put("spring.kafka.bootstrap-servers", TestServers.kafka().bootstrapServers());
		ServiceProcess service = ServiceProcess.start(ProjectFiles.root(), Path.of("target", "metrics-it-logs"), name,
				all);
		services.add(service);
		return service;
	}

	@AfterAll
	static void stopPipeline() throws InterruptedException {
		for (ServiceProcess service : services) {
			service.close();
		}
	}

	@Test
	void everyMetricTheDashboardsAlertsAndScalersNameIsExposed() throws Exception {
		Map<String, Set<String>> named = ObservabilityFiles.metricNames();
		assertThat(named).hasSizeGreaterThan(10);

		assertThat(post(KEY,
				"[{\"message\":\"order placed\",\"service\":\"checkout\"},"
						+ "{\"message\":\"this is not json\",\"format\":\"json\",\"service\":\"checkout\"},"
						+ "{\"message\":\"chatter\",\"service\":\"noise\"}]"))
			.isEqualTo(202);
		assertThat(post(KEY, "[{\"message\":\"kept\"},{\"msg\":\"typo\"}]")).isEqualTo(202);
		assertThat(post(LIMITED_KEY, "{\"message\":\"first\"}")).isEqualTo(202);
		assertThat(post(LIMITED_KEY, "{\"message\":\"second\"}")).isEqualTo(429);

		Map<String, Set<String>> missing = new TreeMap<>();
		await("every named metric exposed").atMost(Duration.ofSeconds(180))
			.pollInterval(Duration.ofSeconds(2))
			.until(() -> {
				Set<String> exposed = exposed();
				missing.clear();
				named.forEach((name, files) -> {
					if (!exposed.contains(name)) {
						missing.put(name, files);
					}
				});
				return missing.isEmpty();
			});
		assertThat(missing).as("metrics named but not exposed, with where they are named").isEmpty();
	}

	/** The sample names on the three services' Prometheus pages. */
	private static Set<String> exposed() throws Exception {
		Set<String> names = new TreeSet<>();
		for (ServiceProcess service : services) {
			HttpResponse<String> page = http.send(HttpRequest.newBuilder(service.uri("/actuator/prometheus")).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(page.statusCode()).isEqualTo(200);
			page.body().lines().filter((line) -> !line.isBlank() && !line.startsWith("#")).forEach((line) -> {
				int end = 0;
				while (end < line.length() && line.charAt(end) != '{' && line.charAt(end) != ' ') {
					end++;
				}
				names.add(line.substring(0, end));
			});
		}
		return names;
	}

	private static int post(String key, String body) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(ingest.uri("/api/v1/logs"))
			.header("Authorization", "Bearer " + key)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
	}

	private static String sha256(String value) throws Exception {
		return HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
	}

}
