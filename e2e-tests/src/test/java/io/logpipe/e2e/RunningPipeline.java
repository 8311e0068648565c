package io.logpipe.e2e;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.logpipe.testsupport.ServiceProcess;
import io.logpipe.testsupport.TestServers;

/**
 * The three services started from their jars on the test's Kafka and Elasticsearch, as
 * operators run them; each end-to-end test class starts one and closes it when done.
 */
final class RunningPipeline implements AutoCloseable {

	/** The project root, where the service jars and README.md are. */
	static final Path PROJECT_ROOT = Path.of(System.getProperty("logpipe.project.root", ".."));

	private final List<ServiceProcess> services = new ArrayList<>();

	private final ServiceProcess ingest;

	private final ServiceProcess indexer;

	private final URI elasticsearch;

	/**
	 * Starts the pipeline and waits until every service is ready.
	 * @param run names the folder under {@code target/e2e-logs} for the services' logs
	 * @param ingestProperties ingest-api's own settings, typically its API keys
	 * @param indexerProperties indexer-service's own settings
	 */
	RunningPipeline(String run, Map<String, String> ingestProperties, Map<String, String> indexerProperties)
			throws InterruptedException {
		this.elasticsearch = TestServers.elasticsearch().uri();
		Path logs = Path.of("target", "e2e-logs", run);
		this.ingest = start(logs, "ingest-api", ingestProperties);
		start(logs, "parser-service", Map.of());
		Map<String, String> indexer = new HashMap<>(indexerProperties);
		indexer.put("spring.elasticsearch.uris", this.elasticsearch.toString());
		this.indexer = start(logs, "indexer-service", indexer);
		for (ServiceProcess service : this.services) {
			service.awaitReady(Duration.ofSeconds(150));
		}
	}

	private ServiceProcess start(Path logs, String name, Map<String, String> properties) {
		Map<String, String> all = new HashMap<>(properties);
		all.put("spring.kafka.bootstrap-servers", TestServers.kafka().bootstrapServers());
		ServiceProcess service = ServiceProcess.start(PROJECT_ROOT, logs, name, all);
		this.services.add(service);
		return service;
	}

	ServiceProcess ingest() {
		return this.ingest;
	}

	ServiceProcess indexer() {
		return this.indexer;
	}

	URI elasticsearch() {
		return this.elasticsearch;
	}

	@Override
	public void close() throws InterruptedException {
		for (ServiceProcess service : this.services) {
			service.close();
		}
	}

}
