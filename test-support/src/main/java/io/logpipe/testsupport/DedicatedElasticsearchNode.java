package io.logpipe.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * An Elasticsearch node of one test's own, which the test may stop and start again (or
 * freeze and let go on): on the same HTTP port and the same data folder, so a client
 * configured with its {@link #uri()} reconnects to the same indices once it is back. For
 * outage tests; the node every other test shares ({@link TestServers#elasticsearch()})
 * must never be stopped.
 *
 * <p>
 * Always the local distribution (there is no container variant: a container would not
 * keep its port across a restart). It costs a second node's 512 MB heap and start-up
 * time, so use it only where stopping the server is the point of the test, and
 * {@link #close()} it (try-with-resources or {@code @AfterAll}); a shutdown hook stops it
 * otherwise.
 *
 * <p>
 * Not thread-safe: one test drives it.
 */
public final class DedicatedElasticsearchNode implements ElasticsearchServer, AutoCloseable {

	private final Path folder;

	private final boolean root;

	private final Path data;

	private final Map<String, String> settings;

	private final URI uri;

	private final Thread shutdownHook;

	private Process process;

	private DedicatedElasticsearchNode(Path folder, boolean root, Path data, Map<String, String> settings,
			Process process, URI uri) {
		this.folder = folder;
		this.root = root;
		this.data = data;
		this.settings = settings;
		this.process = process;
		this.uri = uri;
		this.shutdownHook = new Thread(this::stopAndDelete, "logpipe-stop-dedicated-elasticsearch");
		Runtime.getRuntime().addShutdownHook(this.shutdownHook);
	}

	/**
	 * Starts a new node on a free port with an empty data folder and waits until it is
	 * yellow.
	 * @return the running node
	 */
	public static DedicatedElasticsearchNode start() {
		return start(null, Map.of());
	}

	/**
	 * Starts a new node on a free port with its data in {@code data} (a file system of
	 * the test's own, such as a {@link LoopFileSystem}) and waits until it is yellow. The
	 * folder is given to the user the node runs as; it is not deleted on
	 * {@link #close()}.
	 * @param data an empty folder for the node's data, or null for one inside the node's
	 * own folder
	 * @param settings Elasticsearch settings that replace or add to the test defaults;
	 * the defaults switch the disk watermarks off
	 * ({@code cluster.routing.allocation.disk.threshold_enabled}), a full-disk test
	 * switches them on again
	 * @return the running node
	 */
	public static DedicatedElasticsearchNode start(Path data, Map<String, String> settings) {
		boolean root = LocalElasticsearchServer.runsAsRoot();
		Path tmp = root ? Path.of("/tmp") : Path.of(System.getProperty("java.io.tmpdir"));
		LocalElasticsearchServer.removeLeftoversOfDeadJvms(tmp);
		Path folder = LocalElasticsearchServer.createFolder(tmp, LocalElasticsearchServer.distribution(), root);
		Path dataPath = (data != null) ? data : folder.resolve("data");
		if (root && data != null) {
			try {
				LocalElasticsearchServer.giveToNodeUser(data);
			}
			catch (IOException ex) {
				LocalElasticsearchServer.delete(folder);
				throw new UncheckedIOException("Could not give " + data + " to the node's user", ex);
			}
		}
		Map<String, String> copy = Map.copyOf(settings);
		Process process = LocalElasticsearchServer.launch(folder, root, 0, 0, dataPath, copy);
		URI uri = LocalElasticsearchServer.awaitReady(process, folder);
		return new DedicatedElasticsearchNode(folder, root, dataPath, copy, process, uri);
	}

	@Override
	public URI uri() {
		return this.uri;
	}

	/** Whether the node's process is running. */
	public boolean isRunning() {
		return this.process != null && this.process.isAlive();
	}

	/**
	 * Stops the node (SIGTERM, as an operator or Kubernetes would) and waits until its
	 * process tree has exited. Its data stays.
	 */
	public void stop() {
		if (this.process != null) {
			LocalElasticsearchServer.stopTree(this.process);
			this.process = null;
		}
	}

	/**
	 * Freezes the node (SIGSTOP to its process tree), as a long GC pause or a hung disk
	 * would: it keeps its sockets, accepts connections and answers nothing until
	 * {@link #thaw()}.
	 */
	public void freeze() {
		signal("STOP");
	}

	/** Lets a frozen node go on (SIGCONT). */
	public void thaw() {
		signal("CONT");
	}

	private void signal(String signal) {
		if (!isRunning()) {
			throw new IllegalStateException("the node at " + this.uri + " is not running");
		}
		List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
		Stream.concat(Stream.of(this.process.toHandle()), this.process.descendants())
			.forEach((handle) -> command.add(Long.toString(handle.pid())));
		try {
			Process kill = new ProcessBuilder(command).redirectErrorStream(true).start();
			if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
				throw new IllegalStateException("kill -" + signal + " failed for the node at " + this.uri);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Starts the stopped node again on the same port and data folder and waits until it
	 * is yellow.
	 * @throws IllegalStateException if it is running
	 */
	public void restart() {
		if (isRunning()) {
			throw new IllegalStateException("the node at " + this.uri + " is running");
		}
		try {
			// A stale ports file would make the readiness check look at the old port.
			Files.deleteIfExists(this.folder.resolve("logs/http.ports"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.process = LocalElasticsearchServer.launch(this.folder, this.root, this.uri.getPort(), 0, this.data,
				this.settings);
		URI again = LocalElasticsearchServer.awaitReady(this.process, this.folder);
		if (!again.equals(this.uri)) {
			throw new IllegalStateException("the node came back at " + again + ", not " + this.uri);
		}
	}

	/** Stops the node and deletes its folder. */
	@Override
	public void close() {
		stopAndDelete();
		try {
			Runtime.getRuntime().removeShutdownHook(this.shutdownHook);
		}
		catch (IllegalStateException ex) {
			// The JVM is already shutting down; the hook does the same.
		}
	}

	private void stopAndDelete() {
		stop();
		LocalElasticsearchServer.delete(this.folder);
	}

}
