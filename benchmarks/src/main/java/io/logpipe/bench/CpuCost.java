package io.logpipe.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.management.OperatingSystemMXBean;

import io.logpipe.common.id.Sha256;
import io.logpipe.testsupport.ServiceProcess;

/**
 * CPU-seconds per million events of each service, on its own: the three services run as
 * one pipeline on topics of this run, are warmed up, then {@code events} JSON events are
 * posted in 500-event batches and each process's CPU time (utime + stime) is read before
 * and after the pipeline drained them into Elasticsearch. CPU time is the figure that
 * survives a loaded, shared machine best: another process on the same cores slows a
 * service down but does not make it use more CPU per event.
 *
 * <p>
 * With {@code --jfr dir}, each service records a JFR profile (settings {@code profile})
 * over the measured window only, for {@code jfr view hot-methods} and
 * {@code jfr view allocation-by-class}.
 *
 * <p>
 * Usage: {@code CpuCost --bootstrap-servers host:port --elasticsearch http://host:port
 * --project-root dir --output-dir dir [--events n] [--jfr dir]}.
 */
public final class CpuCost {

	private static final String TENANT = "bench";

	private static final int BATCH = 500;

	private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

	private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(10);

	private final KafkaBench kafka;

	private final ElasticsearchBench elasticsearch;

	private final URI elasticsearchUri;

	private final Path projectRoot;

	private final Path outputDir;

	private final long events;

	private final Path jfrDir;

	private final String run = Long.toString(System.currentTimeMillis(), 36);

	private final String apiKey = UUID.randomUUID().toString();

	private final HttpLoad load = new HttpLoad(8);

	private final OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

	CpuCost(String bootstrapServers, URI elasticsearch, Path projectRoot, Path outputDir, long events, Path jfrDir) {
		this.kafka = new KafkaBench(bootstrapServers);
		this.elasticsearch = new ElasticsearchBench(elasticsearch);
		this.elasticsearchUri = elasticsearch;
		this.projectRoot = projectRoot;
		this.outputDir = outputDir;
		this.events = events;
		this.jfrDir = jfrDir;
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = new HashMap<>(Map.of("--events", "200000"));
		for (int i = 0; i + 1 < args.length; i += 2) {
			options.put(args[i], args[i + 1]);
		}
		for (String required : List.of("--bootstrap-servers", "--elasticsearch", "--project-root", "--output-dir")) {
			if (!options.containsKey(required)) {
				System.err.println("missing " + required);
				System.exit(2);
			}
		}
		Map<String, Double> cost = new CpuCost(options.get("--bootstrap-servers"),
				URI.create(options.get("--elasticsearch")), Path.of(options.get("--project-root")),
				Path.of(options.get("--output-dir")), Long.parseLong(options.get("--events")),
				options.containsKey("--jfr") ? Path.of(options.get("--jfr")) : null)
			.measure();
		System.out.println(cost);
	}

	/**
	 * @return CPU-seconds per million events by service name, and the load generator's
	 * under {@code load-generator}
	 */
	Map<String, Double> measure() throws Exception {
		String raw = "cpu-" + this.run + "-raw";
		String parsed = "cpu-" + this.run + "-parsed";
		this.kafka.createTopics(raw, parsed);
		List<ServiceProcess> services = new ArrayList<>();
		try {
			services.add(start("ingest-api", Map.of("ingest.kafka.topics.app", raw, "logpipe.auth.keys[0].sha256",
					Sha256.hex(this.apiKey), "logpipe.auth.keys[0].tenant", TENANT)));
			services.add(start("parser-service",
					Map.of("parser.kafka.raw-topics", raw, "parser.kafka.parsed-topic", parsed,
							"parser.kafka.dead-letter-topic", "cpu-" + this.run + "-parse-dlq",
							"spring.kafka.consumer.group-id", "cpu-" + this.run + "-parser")));
			services.add(start("indexer-service", Map.of("indexer.parsed-topic", parsed, "indexer.dead-letter-topic",
					"cpu-" + this.run + "-index-dlq", "spring.kafka.consumer.group-id", "cpu-" + this.run + "-indexer",
					"spring.elasticsearch.uris", this.elasticsearchUri.toString(), "logpipe.auth.keys[0].sha256",
					Sha256.hex(this.apiKey), "logpipe.auth.keys[0].tenant", TENANT)));
			String service = "cpucost" + this.run;
			AtomicLong next = new AtomicLong();
			long warmUp = Math.max(BATCH, this.events / 4);
			step("warming up the pipeline with " + warmUp + " events");
			long accepted = send(services.get(0), service, next, warmUp);
			awaitSearchable(service, accepted);

			if (this.jfrDir != null) {
				Files.createDirectories(this.jfrDir);
				for (ServiceProcess process : services) {
					jcmd(process, "JFR.start", "name=cpu", "settings=profile",
							"filename=" + this.jfrDir.toAbsolutePath().resolve(process.name() + ".jfr"));
				}
			}
			double[] before = services.stream().mapToDouble(ServiceProcess::cpuSeconds).toArray();
			long generatorBefore = this.os.getProcessCpuTime();
			step("measuring " + this.events + " events");
			long measured = send(services.get(0), service, next, this.events);
			double generator = (this.os.getProcessCpuTime() - generatorBefore) / 1e9;
			awaitSearchable(service, accepted + measured);
			Map<String, Double> cost = new LinkedHashMap<>();
			for (int i = 0; i < services.size(); i++) {
				cost.put(services.get(i).name(), perMillion(services.get(i).cpuSeconds() - before[i], measured));
			}
			cost.put("load-generator", perMillion(generator, measured));
			if (this.jfrDir != null) {
				for (ServiceProcess process : services) {
					jcmd(process, "JFR.stop", "name=cpu");
				}
			}
			return cost;
		}
		finally {
			for (ServiceProcess process : services) {
				process.close();
			}
			this.kafka.close();
		}
	}

	private static double perMillion(double cpuSeconds, long events) {
		return Math.round(cpuSeconds / events * 1_000_000 * 10) / 10.0;
	}

	/**
	 * Posts {@code count} events; returns how many were accepted. On a loaded machine a
	 * few requests may time out or be refused (503): they are counted, not fatal, and the
	 * figures are per accepted event.
	 */
	private long send(ServiceProcess ingest, String service, AtomicLong next, long count) throws InterruptedException {
		HttpLoad.Result result = this.load.run(
				() -> post(ingest, Samples.jsonBatch(service, next.getAndAdd(BATCH), BATCH)), Duration.ofMinutes(30),
				count / BATCH, null, (answer) -> {
				});
		if (result.failed() > 0) {
			step(result.failed() + " of " + (result.ok() + result.failed()) + " requests failed");
		}
		return result.ok() * BATCH;
	}

	private void awaitSearchable(String service, long count) throws Exception {
		String target = "logs-" + service + "-*";
		long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
		while (this.elasticsearch.count(target) < count) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException(
						"only " + this.elasticsearch.count(target) + " of " + count + " events searchable");
			}
			Thread.sleep(200);
		}
	}

	private HttpRequest post(ServiceProcess ingest, String body) {
		return HttpRequest.newBuilder(ingest.uri("/api/v1/logs"))
			.header("Authorization", "Bearer " + this.apiKey)
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build();
	}

	private ServiceProcess start(String name, Map<String, String> properties) throws InterruptedException {
		Map<String, String> all = new HashMap<>(properties);
		all.put("spring.kafka.bootstrap-servers", this.kafka.bootstrapServers());
		step("starting " + name);
		ServiceProcess service = ServiceProcess.start(this.projectRoot, this.outputDir.resolve("cpu-logs"), name, all);
		service.awaitReady(READY_TIMEOUT);
		return service;
	}

	private static void jcmd(ServiceProcess process, String... command) throws IOException, InterruptedException {
		List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
				Long.toString(process.pid())));
		line.addAll(List.of(command));
		Process jcmd = new ProcessBuilder(line).inheritIO().start();
		if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
			throw new IllegalStateException("jcmd " + String.join(" ", command) + " failed for " + process.name());
		}
	}

	private static void step(String what) {
		System.out.println("==> cpu: " + what);
	}

}
