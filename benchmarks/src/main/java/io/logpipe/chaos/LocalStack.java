package io.logpipe.chaos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The processes of the local runtime ({@code deploy/local/logpipe up}), found by the pid
 * files in the state folder's {@code run/}. A pid is acted on only while its command line
 * still names the state folder, as {@code logpipe down} does, so a reused pid is never
 * hit. Restarts go through {@code logpipe up} itself: it starts what is not running, with
 * the same settings as ever, and waits until everything is ready.
 */
final class LocalStack {

	private static final Duration UP_TIMEOUT = Duration.ofMinutes(5);

	private static final int UP_RUNS = 3;

	private final Path stateDir;

	private final Path logpipe;

	private final Path log;

	LocalStack(Path stateDir, Path projectRoot, Path log) {
		this.stateDir = stateDir;
		this.logpipe = projectRoot.resolve("deploy/local/logpipe");
		this.log = log;
	}

	/**
	 * The component's process and its descendants (Elasticsearch: runuser, launcher,
	 * server).
	 */
	List<ProcessHandle> processes(String component) {
		ProcessHandle root = running(component);
		List<ProcessHandle> all = new ArrayList<>();
		all.add(root);
		root.descendants().forEach(all::add);
		return all;
	}

	/** SIGKILL to the component's processes, and waits until they are gone. */
	void kill(String component) throws InterruptedException {
		List<ProcessHandle> processes = processes(component);
		processes.forEach(ProcessHandle::destroyForcibly);
		awaitExit(component, processes, Duration.ofSeconds(30));
	}

	/** SIGTERM (a graceful shutdown), and waits until the processes exit. */
	void terminate(String component, Duration timeout) throws InterruptedException {
		List<ProcessHandle> processes = processes(component);
		processes.forEach(ProcessHandle::destroy);
		awaitExit(component, processes, timeout);
	}

	/** SIGSTOP: the processes stay, holding their sockets, and do nothing. */
	void freeze(String component) throws IOException, InterruptedException {
		signal("STOP", processes(component));
	}

	/**
	 * SIGCONT: the frozen processes go on. Sent again to any still stopped: runuser (the
	 * parent of Elasticsearch's processes) stops itself when it sees its child stopped,
	 * and may do so after the first SIGCONT arrived. A runuser left stopped kept its pid
	 * alive after Elasticsearch exited, so a later {@code up} thought it still ran and
	 * waited for it in vain (the full chaos run's scenario 3, after scenario 4 of an
	 * earlier run).
	 */
	void thaw(String component) throws IOException, InterruptedException {
		List<ProcessHandle> processes = processes(component);
		signal("CONT", processes);
		for (int attempt = 0; attempt < 50; attempt++) {
			List<ProcessHandle> stopped = processes.stream().filter(LocalStack::isStopped).toList();
			if (stopped.isEmpty()) {
				return;
			}
			Thread.sleep(100);
			signal("CONT", stopped);
		}
		throw new IllegalStateException(component + ": processes still stopped after SIGCONT");
	}

	/** Whether the process is stopped by a signal (state T in /proc/&lt;pid&gt;/stat). */
	private static boolean isStopped(ProcessHandle process) {
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
			// The state follows the command name, which is in parentheses.
			return stat.substring(stat.lastIndexOf(')') + 2).startsWith("T");
		}
		catch (IOException | RuntimeException ex) {
			return false; // gone
		}
	}

	/**
	 * Runs {@code logpipe up}: starts every component that does not run, then waits until
	 * all are ready. A second and third run follow when one fails: {@code up} bounds its
	 * waits (two minutes for Elasticsearch), which a loaded machine can outlast, and a
	 * second run only waits on what already started.
	 */
	void up() throws IOException, InterruptedException {
		Files.createDirectories(this.log.getParent());
		int exit = -1;
		for (int run = 0; run < UP_RUNS && exit != 0; run++) {
			exit = runUp();
		}
		if (exit != 0) {
			throw new IllegalStateException(
					"'logpipe up' failed " + UP_RUNS + " times (exit " + exit + "); see " + this.log);
		}
	}

	private int runUp() throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder(this.logpipe.toString(), "up").redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile()));
		builder.environment().put("LOGPIPE_STATE_DIR", this.stateDir.toString());
		Process up = builder.start();
		if (!up.waitFor(UP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
			up.destroyForcibly();
			throw new IllegalStateException("'logpipe up' did not finish within " + UP_TIMEOUT + "; see " + this.log);
		}
		return up.exitValue();
	}

	private ProcessHandle running(String component) {
		Path pidFile = this.stateDir.resolve("run").resolve(component + ".pid");
		try {
			long pid = Long.parseLong(Files.readString(pidFile).trim());
			return ProcessHandle.of(pid)
				.filter(ProcessHandle::isAlive)
				.filter(this::isOurs)
				.orElseThrow(() -> new IllegalStateException(component + " (pid " + pid + ") is not running"));
		}
		catch (IOException | NumberFormatException ex) {
			throw new IllegalStateException(component + " is not running (no pid in " + pidFile + ")", ex);
		}
	}

	/**
	 * Whether the process's command line names the state folder, as process.sh checks.
	 */
	private boolean isOurs(ProcessHandle process) {
		try {
			String commandLine = Files.readString(Path.of("/proc", Long.toString(process.pid()), "cmdline"),
					StandardCharsets.UTF_8);
			String folder = this.stateDir.toString();
			return Stream.of(commandLine.split("\0"))
				.anyMatch((argument) -> argument.contains(folder + "/") || argument.endsWith(folder));
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static void signal(String signal, List<ProcessHandle> processes) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
		processes.forEach((process) -> command.add(Long.toString(process.pid())));
		Process kill = new ProcessBuilder(command).redirectErrorStream(true).start();
		if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
			throw new IllegalStateException(
					"kill -" + signal + " failed: " + new String(kill.getInputStream().readAllBytes()));
		}
	}

	private static void awaitExit(String component, List<ProcessHandle> processes, Duration timeout)
			throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (processes.stream().anyMatch(ProcessHandle::isAlive)) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException(component + " did not exit within " + timeout);
			}
			Thread.sleep(100);
		}
	}

}
