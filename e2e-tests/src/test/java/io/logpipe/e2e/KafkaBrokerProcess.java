package io.logpipe.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

import static org.awaitility.Awaitility.await;

/**
 * A single-node KRaft broker in a process of its own, so that a test can freeze it
 * ({@code SIGSTOP}) or kill it like the broker of a real deployment; the shared test
 * broker runs inside the test JVM, which a signal would stop too. It runs from the test
 * classpath (spring-kafka-test brings the broker) on two free loopback ports, with its
 * data in a temporary folder deleted on {@link #close()}.
 */
final class KafkaBrokerProcess implements AutoCloseable {

	private final Path folder;

	private final Process process;

	private final String bootstrapServers;

	private KafkaBrokerProcess(Path folder, Process process, String bootstrapServers) {
		this.folder = folder;
		this.process = process;
		this.bootstrapServers = bootstrapServers;
	}

	static KafkaBrokerProcess start(Path logDir) throws IOException, InterruptedException {
		Path folder = Files.createTempDirectory("logpipe-kafka-");
		int port = freePort();
		int controllerPort = freePort();
		Path config = folder.resolve("server.properties");
		Files.writeString(config,
				String.join("\n", "process.roles=broker,controller", "node.id=1",
						"controller.quorum.voters=1@127.0.0.1:" + controllerPort,
						"listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
						"advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
						"listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
						"controller.listener.names=CONTROLLER", "inter.broker.listener.name=PLAINTEXT",
						"log.dirs=" + folder.resolve("data"), "num.partitions=3", "offsets.topic.replication.factor=1",
						"offsets.topic.num.partitions=5", "transaction.state.log.replication.factor=1",
						"transaction.state.log.min.isr=1", "transaction.state.log.num.partitions=5",
						"share.coordinator.state.topic.replication.factor=1", "share.coordinator.state.topic.min.isr=1",
						"group.initial.rebalance.delay.ms=0", ""));
		Files.createDirectories(logDir);
		Path log = logDir.resolve("kafka.log");
		Process format = java("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(), "-c",
				config.toString())
			.redirectOutput(log.toFile())
			.start();
		if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
			throw new IllegalStateException("could not format the broker's storage; see " + log);
		}
		Process broker = java("kafka.Kafka", config.toString())
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
			.start();
		KafkaBrokerProcess started = new KafkaBrokerProcess(folder, broker, "127.0.0.1:" + port);
		await("the broker process answers").atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofMillis(500))
			.until(started::answers);
		return started;
	}

	String bootstrapServers() {
		return this.bootstrapServers;
	}

	long pid() {
		return this.process.pid();
	}

	/** SIGSTOP: the broker keeps its sockets open and answers nothing. */
	void freeze() throws IOException, InterruptedException {
		signal("STOP");
	}

	/** SIGCONT. */
	void thaw() throws IOException, InterruptedException {
		signal("CONT");
	}

	private void signal(String signal) throws IOException, InterruptedException {
		Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(this.process.pid())).start();
		if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
			throw new IllegalStateException("kill -" + signal + " " + this.process.pid() + " failed");
		}
	}

	private boolean answers() {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers,
				AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
				5000))) {
			admin.describeCluster().clusterId().get(5, TimeUnit.SECONDS);
			return true;
		}
		catch (Exception ex) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("the broker process exited with " + this.process.exitValue());
			}
			return false;
		}
	}

	@Override
	public void close() throws IOException, InterruptedException {
		this.process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		try (var paths = Files.walk(this.folder)) {
			paths.sorted((a, b) -> b.compareTo(a)).forEach((path) -> path.toFile().delete());
		}
	}

	/**
	 * A JVM on the test's own JDK and classpath (failsafe puts the real classpath in
	 * {@code surefire.test.class.path} when it launches through a manifest-only jar).
	 */
	private static ProcessBuilder java(String mainClass, String... args) {
		List<String> command = new ArrayList<>(List.of(
				Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xms64m", "-Xmx384m", "-cp",
				System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")), mainClass));
		command.addAll(List.of(args));
		return new ProcessBuilder(command).redirectErrorStream(true);
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
