package io.logpipe.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.utils.AppInfoParser;

import com.sun.management.OperatingSystemMXBean;

/**
 * Runs the benchmark: the mode's trials of every stage ({@link Trial}) one after the
 * other on one Kafka broker and one Elasticsearch node, folds them into one report (the
 * median of each figure and its spread, see {@link Trials}) and writes it.
 *
 * <p>
 * Usage:
 * {@code BenchmarkRunner --bootstrap-servers host:port --elasticsearch http://host:port
 * --project-root dir --output-dir dir [--mode quick|full|smoke]}.
 */
public final class BenchmarkRunner {

	private final BenchMode mode;

	private final String bootstrapServers;

	private final URI elasticsearch;

	private final Path projectRoot;

	private final Path outputDir;

	private final String run = Long.toString(System.currentTimeMillis(), 36);

	BenchmarkRunner(BenchMode mode, String bootstrapServers, URI elasticsearch, Path projectRoot, Path outputDir) {
		this.mode = mode;
		this.bootstrapServers = bootstrapServers;
		this.elasticsearch = elasticsearch;
		this.projectRoot = projectRoot;
		this.outputDir = outputDir;
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = new HashMap<>(Map.of("--mode", "quick"));
		for (int i = 0; i + 1 < args.length; i += 2) {
			options.put(args[i], args[i + 1]);
		}
		for (String required : List.of("--bootstrap-servers", "--elasticsearch", "--project-root", "--output-dir")) {
			if (!options.containsKey(required)) {
				System.err.println("missing " + required + "\nUsage: BenchmarkRunner --bootstrap-servers host:port "
						+ "--elasticsearch http://host:port --project-root dir --output-dir dir [--mode quick|full]");
				System.exit(2);
			}
		}
		Path output = Path.of(options.get("--output-dir"));
		new BenchmarkRunner(BenchMode.named(options.get("--mode")), options.get("--bootstrap-servers"),
				URI.create(options.get("--elasticsearch")), Path.of(options.get("--project-root")), output)
			.run();
		System.out
			.println("Report: " + output.resolve("bench-report.md") + " and " + output.resolve("bench-report.json"));
	}

	/** Runs every trial and writes the report into the output folder. */
	Report run() throws Exception {
		long started = System.nanoTime();
		AotCache aot = new AotCache(this.projectRoot, this.outputDir.resolve("bench-aot"));
		List<Map<String, Object>> trials = new ArrayList<>();
		for (int trial = 1; trial <= this.mode.trials(); trial++) {
			System.out.println("==> bench: trial " + trial + " of " + this.mode.trials());
			String id = (this.mode.trials() == 1) ? this.run : this.run + "t" + trial;
			trials.add(new Trial(this.mode, this.bootstrapServers, this.elasticsearch, this.projectRoot, this.outputDir,
					id, this.run)
				.run(aot)
				.values());
		}
		deleteScalingDataStreams();
		Report report = new Report(Trials.merge(trials));
		OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		report.put("machine",
				Map.of("cores", Runtime.getRuntime().availableProcessors(), "memory_mb",
						os.getTotalMemorySize() / (1024 * 1024), "os", System.getProperty("os.name") + " "
								+ System.getProperty("os.version") + " " + System.getProperty("os.arch")));
		report.put("versions",
				Map.of("java", System.getProperty("java.version"), "kafka", AppInfoParser.getVersion(), "elasticsearch",
						new ElasticsearchBench(this.elasticsearch).version(), "logpipe",
						String.valueOf(BenchmarkRunner.class.getPackage().getImplementationVersion())));
		report.put("run", Map.of("mode", this.mode.name(), "id", this.run, "trials", this.mode.trials(), "finished_at",
				Instant.now().toString(), "duration_s", Math.round((System.nanoTime() - started) / 1e9)));
		report.write(this.outputDir);
		return report;
	}

	/**
	 * Deletes the scaling stage's data streams once every trial is done with them, where
	 * Elasticsearch can: its smallest distribution, which the build and the local runtime
	 * run, has no data stream API, and there they stay.
	 */
	private void deleteScalingDataStreams() throws InterruptedException {
		String dataStreams = "logs-" + ScalingStage.prefix(this.run) + "*";
		try {
			new ElasticsearchBench(this.elasticsearch).deleteDataStreams(dataStreams);
		}
		catch (IOException ex) {
			System.out.println(
					"==> bench: " + dataStreams + " not deleted: " + ex.getMessage().lines().findFirst().orElse(""));
		}
	}

}
