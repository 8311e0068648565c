package io.logpipe.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.json.JsonMapper;

/**
 * One logpipe service started from its jar, on its own port, topics and consumer group:
 * the end-to-end test runs the services this way, as operators do, and the benchmark so
 * that a stage measures that service alone on data prepared for it. Configuration goes in
 * as {@code -D} system properties, which Spring Boot reads like environment variables.
 *
 * <p>
 * Resource figures come from the operating system: CPU time from
 * {@link ProcessHandle.Info#totalCpuDuration()} (utime + stime of
 * {@code /proc/<pid>/stat} on Linux), peak RSS from {@code VmHWM} in
 * {@code /proc/<pid>/status}.
 */
public final class ServiceProcess implements AutoCloseable {

	private static final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	private static final JsonMapper json = JsonMapper.builder().build();

	private final String name;

	private final int port;

	private final Process process;

	private final Path log;

	private final long startedAt;

	private long startupMillis = -1;

	/** The JVM options of every service, relative to the project root. */
	public static final String JVM_OPTIONS = "deploy/jvm/service.options";

	/** What every service adds to {@link #JVM_OPTIONS} on JDK 25 and later. */
	public static final String JDK25_JVM_OPTIONS = "deploy/jvm/service-jdk25.options";

	private ServiceProcess(String name, int port, Process process, Path log, long startedAt) {
		this.name = name;
		this.port = port;
		this.process = process;
		this.log = log;
		this.startedAt = startedAt;
	}

	/**
	 * Starts {@code <root>/<name>/target/<name>.jar} on a free port with the JVM options
	 * every service runs with ({@value #JVM_OPTIONS}).
	 */
	public static ServiceProcess start(Path projectRoot, Path logDir, String name, Map<String, String> properties) {
		return start(projectRoot, logDir, name, properties, jar(projectRoot, name), List.of());
	}

	/**
	 * Starts {@code jar} (the service's jar, or the same extracted) on a free port with
	 * the JVM options every service runs with plus {@code extraJvmOptions} (the benchmark
	 * compares start-up with and without an AOT cache this way).
	 */
	public static ServiceProcess start(Path projectRoot, Path logDir, String name, Map<String, String> properties,
			Path jar, List<String> extraJvmOptions) {
		int port = freePort();
		List<String> command = new ArrayList<>(List.of(javaExecutable()));
		command.addAll(jvmOptions(projectRoot));
		command.addAll(extraJvmOptions);
		properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
		command.add("-Dserver.port=" + port);
		command.add("-Dmanagement.endpoint.health.probes.enabled=true");
		command.addAll(List.of("-jar", jar.toString()));
		try {
			Path log = Files.createDirectories(logDir).resolve(name + ".log");
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
			// As deploy/local/logpipe runs them: glibc's per-thread malloc arenas
			// otherwise
			// add tens of MB of resident memory to a JVM with a few dozen threads.
			builder.environment().put("MALLOC_ARENA_MAX", "2");
			long startedAt = System.nanoTime();
			return new ServiceProcess(name, port, builder.start(), log, startedAt);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot start " + name, ex);
		}
	}

	/**
	 * The option files every service runs with on the JDK of {@link #javaExecutable()}
	 * (this JVM's), as the local runtime passes them.
	 */
	public static List<String> jvmOptions(Path projectRoot) {
		List<String> files = new ArrayList<>(List.of(JVM_OPTIONS));
		if (Runtime.version().feature() >= 25) {
			files.add(JDK25_JVM_OPTIONS);
		}
		return files.stream().map((file) -> "@" + projectRoot.resolve(file).toAbsolutePath()).toList();
	}

	/** {@code <root>/<name>/target/<name>.jar}, which must exist. */
	public static Path jar(Path projectRoot, String name) {
		Path jar = projectRoot.resolve(name).resolve("target").resolve(name + ".jar");
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar + " does not exist: build the service modules first");
		}
		return jar;
	}

	public static String javaExecutable() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	public String name() {
		return this.name;
	}

	/** The operating system's id of the process, for tools that attach to it (jcmd). */
	public long pid() {
		return this.process.pid();
	}

	public URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	/**
	 * Waits until the readiness group is UP and remembers how long that took since the
	 * process started.
	 */
	public void awaitReady(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!ready()) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(
						this.name + " exited with " + this.process.exitValue() + "; last log lines:\n" + logTail());
			}
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException(
						this.name + " was not ready after " + timeout + "; last log lines:\n" + logTail());
			}
			Thread.sleep(50);
		}
		this.startupMillis = (System.nanoTime() - this.startedAt) / 1_000_000;
	}

	public long startupMillis() {
		return this.startupMillis;
	}

	private boolean ready() {
		try {
			HttpRequest request = HttpRequest.newBuilder(uri("/actuator/health/readiness"))
				.timeout(Duration.ofSeconds(2))
				.build();
			String body = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
			return "UP".equals(json.readTree(body).path("status").asString(""));
		}
		catch (IOException | RuntimeException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** CPU time (user + system) the process has used so far, in seconds. */
	public double cpuSeconds() {
		return this.process.toHandle()
			.info()
			.totalCpuDuration()
			.map((duration) -> duration.toNanos() / 1e9)
			.orElse(0.0);
	}

	/**
	 * Peak resident set size so far, in MiB ({@code VmHWM}); 0 where /proc is missing.
	 */
	public double peakRssMb() {
		Path status = Path.of("/proc", Long.toString(this.process.pid()), "status");
		try {
			for (String line : Files.readAllLines(status)) {
				if (line.startsWith("VmHWM:")) {
					String kilobytes = line.substring("VmHWM:".length()).replace("kB", "").trim();
					return Long.parseLong(kilobytes) / 1024.0;
				}
			}
		}
		catch (IOException ex) {
			// not Linux, or the process is gone
		}
		return 0;
	}

	public String logTail() {
		try {
			List<String> lines = Files.readAllLines(this.log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	/**
	 * {@code kill -9}: the process ends at once, without a graceful shutdown, as in a
	 * crash or an out-of-memory kill; waits until it is gone.
	 */
	public void kill() throws InterruptedException {
		this.process.destroyForcibly();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			throw new IllegalStateException(this.name + " still runs 30 s after SIGKILL");
		}
	}

	/** Stops the process without waiting (from a shutdown hook). */
	public void destroy() {
		this.process.destroy();
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
			this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
