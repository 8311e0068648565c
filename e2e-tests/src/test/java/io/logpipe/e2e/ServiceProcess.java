package io.logpipe.e2e;

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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * One logpipe service started from its executable jar, as operators run it: its own JVM,
 * its own port, configured through environment variables. Its output goes to a log file
 * that a failing test shows the end of.
 */
final class ServiceProcess implements AutoCloseable {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String name;

	private final int port;

	private final Process process;

	private final Path log;

	private ServiceProcess(String name, int port, Process process, Path log) {
		this.name = name;
		this.port = port;
		this.process = process;
		this.log = log;
	}

	/**
	 * Starts {@code <root>/<name>/target/<name>.jar} on a free port.
	 * @param environment the service's configuration, as environment variables
	 */
	static ServiceProcess start(String name, Map<String, String> environment) {
		Path root = Path.of(System.getProperty("logpipe.project.root", ".."));
		Path jar = root.resolve(name).resolve("target").resolve(name + ".jar");
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar + " does not exist: build the service modules first");
		}
		int port = freePort();
		try {
			Path logs = Files.createDirectories(Path.of("target", "e2e-logs"));
			Path log = logs.resolve(name + ".log");
			String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
			ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar",
					jar.toString());
			builder.environment().putAll(environment);
			builder.environment().put("SERVER_PORT", Integer.toString(port));
			builder.redirectErrorStream(true).redirectOutput(log.toFile());
			return new ServiceProcess(name, port, builder.start(), log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot start " + name, ex);
		}
	}

	URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	/** Waits until {@code /actuator/health/readiness} says UP. */
	void awaitReady(Duration timeout) {
		try {
			await(this.name + " readiness").atMost(timeout).pollInterval(Duration.ofMillis(500)).until(() -> {
				if (!this.process.isAlive()) {
					throw new IllegalStateException(this.name + " exited with " + this.process.exitValue());
				}
				return readiness().contains("\"status\":\"UP\"");
			});
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException(this.name + " did not become ready; last log lines:\n" + logTail(), ex);
		}
	}

	private String readiness() {
		try {
			HttpRequest request = HttpRequest.newBuilder(uri("/actuator/health/readiness"))
				.timeout(Duration.ofSeconds(2))
				.build();
			return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
		}
		catch (IOException ex) {
			return "";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "";
		}
	}

	String logTail() {
		try {
			List<String> lines = Files.readAllLines(this.log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
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
