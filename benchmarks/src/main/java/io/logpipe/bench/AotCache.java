package io.logpipe.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.logpipe.testsupport.ServiceProcess;

/**
 * The JDK's AOT cache (JEP 483, 514, 515) for the service jars, made as the local runtime
 * and the images make it: the jar extracted with Spring Boot's {@code tools} jar mode
 * (the cache only holds classes loaded from plain jars on the class path, not from a jar
 * inside a jar), one training run with {@code -XX:AOTCacheOutput} that stops once the
 * Spring context has refreshed ({@code -Dspring.context.exit=onRefresh}: beans created,
 * nothing started, so no Kafka or Elasticsearch is needed once topic creation is off),
 * then starts with {@code -XX:AOTCache}. Each service is trained once per run and the
 * cache reused by every trial.
 */
final class AotCache {

	/** JEP 514's one-step {@code -XX:AOTCacheOutput} came with JDK 25. */
	static final int MINIMUM_JAVA = 25;

	private static final long TRAINING_TIMEOUT_MINUTES = 5;

	private final Path projectRoot;

	private final Path directory;

	private final Map<String, Launch> trained = new HashMap<>();

	AotCache(Path projectRoot, Path directory) {
		this.projectRoot = projectRoot;
		this.directory = directory;
	}

	static boolean supported() {
		return Runtime.version().feature() >= MINIMUM_JAVA;
	}

	/**
	 * The extracted jar and the JVM option that uses the cache, training it first if this
	 * run has not yet.
	 * @param properties the service's configuration as it will start, so the training
	 * creates the same beans
	 */
	synchronized Launch launch(String service, Map<String, String> properties)
			throws IOException, InterruptedException {
		Launch launch = this.trained.get(service);
		if (launch == null) {
			launch = train(service, properties);
			this.trained.put(service, launch);
		}
		return launch;
	}

	private Launch train(String service, Map<String, String> properties) throws IOException, InterruptedException {
		Path home = Files.createDirectories(this.directory.resolve(service));
		Path extracted = home.resolve("application");
		Path log = home.resolve("training.log");
		run(List.of(ServiceProcess.javaExecutable(), "-Djarmode=tools", "-jar",
				ServiceProcess.jar(this.projectRoot, service).toString(), "extract", "--force", "--destination",
				extracted.toString()), log, "extracting " + service);
		Path jar = extracted.resolve(service + ".jar");
		Path cache = home.resolve(service + ".aot");
		Files.deleteIfExists(cache);
		List<String> training = new ArrayList<>(List.of(ServiceProcess.javaExecutable()));
		training.addAll(ServiceProcess.jvmOptions(this.projectRoot));
		training.addAll(List.of("-XX:AOTCacheOutput=" + cache, "-Dspring.context.exit=onRefresh", "-Dserver.port=0"));
		properties.forEach((key, value) -> training.add("-D" + key + "=" + value));
		// Creating the topics at refresh would wait for Kafka.
		training.add("-Dspring.kafka.admin.auto-create=false");
		training.addAll(List.of("-jar", jar.toString()));
		run(training, log, "training " + service);
		if (!Files.isRegularFile(cache)) {
			throw new IllegalStateException("training " + service + " wrote no AOT cache; see " + log);
		}
		return new Launch(jar, List.of("-XX:AOTCache=" + cache));
	}

	private static void run(List<String> command, Path log, String what) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
			.start();
		if (!process.waitFor(TRAINING_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new IllegalStateException(what + " took over " + TRAINING_TIMEOUT_MINUTES + " minutes; see " + log);
		}
		if (process.exitValue() != 0) {
			throw new IllegalStateException(what + " exited with " + process.exitValue() + "; see " + log);
		}
	}

	/** A jar to start and the JVM options that make it use its AOT cache. */
	record Launch(Path jar, List<String> jvmOptions) {
	}

}
