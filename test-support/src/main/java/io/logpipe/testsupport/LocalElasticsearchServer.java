package io.logpipe.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.awaitility.core.ConditionTimeoutException;

import static org.awaitility.Awaitility.await;

/**
 * A real Elasticsearch node in a child process, from the distribution this module unpacks
 * ({@code target/elasticsearch/elasticsearch-<version>}, passed by failsafe in the system
 * property {@value #HOME_PROPERTY}).
 *
 * <h2>Lifecycle</h2>
 * <p>
 * {@link TestServers} starts it once per JVM. Each start copies the distribution into a
 * fresh folder, {@code <tmp>/logpipe-es-<jvm pid>-<random>}, with its own {@code data},
 * {@code logs} and {@code tmp}: Elasticsearch writes into its {@code config} folder (the
 * keystore) and several JVMs (failsafe forks, modules built in parallel) may start nodes
 * from the same distribution at once. The copy takes a fraction of a second (150 MB, from
 * the page cache). HTTP and transport bind to {@code 127.0.0.1} on port 0, and the ports
 * the node chose are read from the {@code http.ports} file that {@code node.portsfile}
 * makes it write, so two nodes can never race for a port. The node is ready when
 * {@code GET /_cluster/health?wait_for_status=yellow} answers 200 ({@code GET /} answers
 * 405 in this distribution, which has no {@code rest-root} module).
 *
 * <p>
 * A shutdown hook stops the whole process tree (SIGTERM, then SIGKILL after 30 seconds)
 * and deletes the folder. A JVM killed with SIGKILL runs no hooks, so each start also
 * removes the folders, and stops the nodes, of JVMs that no longer exist.
 *
 * <h2>Running as root</h2>
 * <p>
 * Elasticsearch refuses to run as root. When the test JVM is root (CI containers often
 * are), the copy is given to {@code nobody} and the node started with
 * {@code runuser -u nobody --}. The copy is what makes that possible: the build may live
 * under a folder that only root can traverse (a {@code mktemp -d} clone is mode 700), so
 * {@code nobody} could not read the distribution where it was unpacked. For the same
 * reason, as root the folder is made under {@code /tmp} rather than
 * {@code java.io.tmpdir}. The node runs on the test JVM's own JDK ({@code java.home}, 21
 * or newer), which must be readable by {@code nobody}, as system JDKs are.
 */
final class LocalElasticsearchServer implements ElasticsearchServer {

	/** System property holding the unpacked distribution's folder. */
	private static final String HOME_PROPERTY = "logpipe.elasticsearch.home";

	private static final System.Logger logger = System.getLogger(LocalElasticsearchServer.class.getName());

	/**
	 * How long the node may take to reach yellow: 240 s by default, overridable with the
	 * system property {@code logpipe.elasticsearch.startup-timeout-seconds}. About ten
	 * seconds on a quiet machine; the bound is generous because a loaded 2-core machine
	 * (several builds at once) was seen to need more than 90 s.
	 */
	private static final Duration STARTUP_TIMEOUT = Duration
		.ofSeconds(Long.getLong("logpipe.elasticsearch.startup-timeout-seconds", 240));

	private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);

	private static final String UNPRIVILEGED_USER = "nobody";

	private static final String FOLDER_PREFIX = "logpipe-es-";

	private static final Pattern FOLDER_NAME = Pattern.compile(Pattern.quote(FOLDER_PREFIX) + "(\\d+)-.*");

	private static final int LOG_TAIL_LINES = 60;

	private final URI uri;

	private LocalElasticsearchServer(URI uri) {
		this.uri = uri;
	}

	@Override
	public URI uri() {
		return this.uri;
	}

	static LocalElasticsearchServer start() {
		Path distribution = distribution();
		boolean root = runsAsRoot();
		Path tmp = root ? Path.of("/tmp") : Path.of(System.getProperty("java.io.tmpdir"));
		removeLeftoversOfDeadJvms(tmp);
		long copyStart = System.nanoTime();
		Path folder = createFolder(tmp, distribution, root);
		Duration copy = Duration.ofNanos(System.nanoTime() - copyStart);
		long start = System.nanoTime();
		Process process = launch(folder, root);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process, folder), "logpipe-stop-elasticsearch"));
		URI uri = awaitReady(process, folder);
		Duration startup = Duration.ofNanos(System.nanoTime() - start);
		logger.log(Level.INFO,
				() -> "Elasticsearch (%s) is up at %s after %d ms%s; copying the distribution took %d ms".formatted(
						distribution.getFileName(), uri, startup.toMillis(), root ? " as " + UNPRIVILEGED_USER : "",
						copy.toMillis()));
		return new LocalElasticsearchServer(uri);
	}

	static Path distribution() {
		String configured = System.getProperty(HOME_PROPERTY);
		Stream<Path> candidates = (configured != null) ? Stream.of(Path.of(configured))
				: Stream.of(Path.of("target/elasticsearch"), Path.of("../test-support/target/elasticsearch"))
					.flatMap(LocalElasticsearchServer::children);
		return candidates.filter((home) -> Files.isRegularFile(home.resolve("bin/elasticsearch")))
			.findFirst()
			.map(Path::toAbsolutePath)
			.orElseThrow(() -> new IllegalStateException("No Elasticsearch distribution at "
					+ ((configured != null) ? configured : "target/elasticsearch/*") + " (system property "
					+ HOME_PROPERTY + "). Run './mvnw -pl test-support generate-resources' to unpack it."));
	}

	private static Stream<Path> children(Path folder) {
		try (Stream<Path> children = Files.list(folder)) {
			return children.toList().stream();
		}
		catch (IOException ex) {
			return Stream.empty();
		}
	}

	static boolean runsAsRoot() {
		try {
			// The owner of /proc/self is the effective user of this process.
			return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
		}
		catch (IOException | UnsupportedOperationException ex) {
			return "root".equals(System.getProperty("user.name"));
		}
	}

	static Path createFolder(Path tmp, Path distribution, boolean root) {
		try {
			Path folder = Files.createTempDirectory(tmp, FOLDER_PREFIX + ProcessHandle.current().pid() + "-");
			copyTree(distribution, folder.resolve("elasticsearch"));
			for (String child : List.of("data", "logs", "tmp")) {
				Files.createDirectory(folder.resolve(child));
			}
			if (root) {
				giveToNodeUser(folder);
			}
			return folder;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not prepare a folder for Elasticsearch under " + tmp, ex);
		}
	}

	/**
	 * Gives {@code folder} and everything in it to the unprivileged user the node runs as
	 * when the test JVM is root.
	 */
	static void giveToNodeUser(Path folder) throws IOException {
		UserPrincipal user = folder.getFileSystem()
			.getUserPrincipalLookupService()
			.lookupPrincipalByName(UNPRIVILEGED_USER);
		try (Stream<Path> paths = Files.walk(folder)) {
			for (Path path : paths.toList()) {
				Files.setOwner(path, user);
			}
		}
	}

	private static void copyTree(Path source, Path target) throws IOException {
		Files.walkFileTree(source, new SimpleFileVisitor<>() {

			@Override
			public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
				Files.copy(dir, target.resolve(source.relativize(dir).toString()), StandardCopyOption.COPY_ATTRIBUTES);
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
				Files.copy(file, target.resolve(source.relativize(file).toString()),
						StandardCopyOption.COPY_ATTRIBUTES);
				return FileVisitResult.CONTINUE;
			}

		});
	}

	private static Process launch(Path folder, boolean root) {
		return launch(folder, root, 0, 0);
	}

	/**
	 * Starts the node in {@code folder}, with its data in {@code folder/data}; port 0
	 * lets it choose a free one.
	 */
	static Process launch(Path folder, boolean root, int httpPort, int transportPort) {
		return launch(folder, root, httpPort, transportPort, folder.resolve("data"), Map.of());
	}

	/**
	 * Starts the node in {@code folder}; port 0 lets it choose a free one.
	 * @param data the data path, writable by the user the node runs as
	 * @param overrides settings that replace or add to the defaults (e.g. disk watermarks
	 * switched back on)
	 */
	static Process launch(Path folder, boolean root, int httpPort, int transportPort, Path data,
			Map<String, String> overrides) {
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put("discovery.type", "single-node");
		settings.put("xpack.security.enabled", "false");
		settings.put("cluster.name", "logpipe-test");
		settings.put("network.host", "127.0.0.1");
		settings.put("http.port", Integer.toString(httpPort));
		settings.put("transport.port", Integer.toString(transportPort));
		// Makes the node write the ports it bound to logs/http.ports.
		settings.put("node.portsfile", "true");
		settings.put("path.data", data.toString());
		settings.put("path.logs", folder.resolve("logs").toString());
		// A build machine with a nearly full disk must not turn the test indices
		// read-only.
		settings.put("cluster.routing.allocation.disk.threshold_enabled", "false");
		settings.putAll(overrides);
		List<String> command = new ArrayList<>();
		if (root) {
			command.addAll(List.of("runuser", "-u", UNPRIVILEGED_USER, "--"));
		}
		command.add(folder.resolve("elasticsearch/bin/elasticsearch").toString());
		settings.forEach((name, value) -> {
			command.add("-E");
			command.add(name + "=" + value);
		});
		ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile())
			.redirectErrorStream(true)
			.redirectOutput(console(folder).toFile());
		Map<String, String> environment = builder.environment();
		environment.put("ES_JAVA_HOME", System.getProperty("java.home"));
		environment.put("ES_JAVA_OPTS", "-Xms512m -Xmx512m");
		environment.put("ES_TMPDIR", folder.resolve("tmp").toString());
		try {
			return builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not run " + String.join(" ", command), ex);
		}
	}

	private static Path console(Path folder) {
		return folder.resolve("console.log");
	}

	static URI awaitReady(Process process, Path folder) {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
		try {
			return await("Elasticsearch cluster health yellow").atMost(STARTUP_TIMEOUT)
				.pollInterval(Duration.ofMillis(250))
				.until(() -> readyUri(process, folder, http), Optional::isPresent)
				.orElseThrow();
		}
		catch (ConditionTimeoutException ex) {
			String tail = logTail(folder);
			stop(process, folder);
			throw new IllegalStateException("Elasticsearch did not reach yellow within " + STARTUP_TIMEOUT.toSeconds()
					+ " s. Last lines of its output:\n" + tail, ex);
		}
	}

	private static Optional<URI> readyUri(Process process, Path folder, HttpClient http) {
		if (!process.isAlive()) {
			String tail = logTail(folder);
			stop(process, folder);
			throw new IllegalStateException(
					"Elasticsearch exited with code " + process.exitValue() + ". Last lines of its output:\n" + tail);
		}
		Path portsFile = folder.resolve("logs/http.ports");
		if (!Files.isRegularFile(portsFile)) {
			return Optional.empty();
		}
		try {
			URI uri = URI.create("http://" + Files.readAllLines(portsFile).get(0).trim());
			HttpRequest health = HttpRequest
				.newBuilder(uri.resolve("/_cluster/health?wait_for_status=yellow&timeout=1s"))
				.timeout(Duration.ofSeconds(5))
				.build();
			int status = http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode();
			return (status == 200) ? Optional.of(uri) : Optional.empty();
		}
		catch (IOException ex) {
			return Optional.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for Elasticsearch", ex);
		}
	}

	private static String logTail(Path folder) {
		try {
			List<String> lines = Files.readAllLines(console(folder));
			return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
		}
		catch (IOException | UncheckedIOException ex) {
			return "(no output: " + ex.getMessage() + ")";
		}
	}

	/**
	 * Stops the process tree and deletes the folder. The descendants are collected first:
	 * once the launcher exits they are no longer its descendants.
	 */
	private static void stop(Process process, Path folder) {
		stopTree(process);
		delete(folder);
	}

	/**
	 * Stops the process tree (SIGTERM, SIGKILL after {@link #SHUTDOWN_TIMEOUT}) and keeps
	 * the folder.
	 */
	static void stopTree(Process process) {
		List<ProcessHandle> tree = Stream.concat(Stream.of(process.toHandle()), process.descendants()).toList();
		// SIGTERM: runuser and the launcher pass it on and the node shuts down cleanly.
		process.destroy();
		for (ProcessHandle handle : tree) {
			try {
				handle.onExit().get(SHUTDOWN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (TimeoutException | ExecutionException ex) {
				handle.destroyForcibly();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				tree.forEach(ProcessHandle::destroyForcibly);
				break;
			}
		}
	}

	/**
	 * Stops the nodes of test JVMs that died without running their shutdown hooks, and
	 * deletes their folders, so that killed builds do not leave 512 MB processes and 150
	 * MB copies behind.
	 */
	static void removeLeftoversOfDeadJvms(Path tmp) {
		for (Path folder : children(tmp).toList()) {
			Matcher name = FOLDER_NAME.matcher(folder.getFileName().toString());
			if (name.matches() && ProcessHandle.of(Long.parseLong(name.group(1))).isEmpty()
					&& Files.isWritable(folder)) {
				String path = folder.toString();
				ProcessHandle.allProcesses()
					.filter((handle) -> handle.info().commandLine().filter((line) -> line.contains(path)).isPresent())
					.forEach(ProcessHandle::destroyForcibly);
				delete(folder);
			}
		}
	}

	static void delete(Path folder) {
		if (!Files.exists(folder)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(folder)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
		catch (IOException | UncheckedIOException ex) {
			logger.log(Level.WARNING, "Could not delete " + folder, ex);
		}
	}

}
