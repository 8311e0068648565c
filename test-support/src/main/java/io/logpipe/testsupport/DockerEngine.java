package io.logpipe.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.testcontainers.DockerClientFactory;

/**
 * Whether a Docker engine can run the servers.
 *
 * <p>
 * Asking Testcontainers directly costs seconds and logs an error per strategy it tries
 * when there is no engine, which is the normal case on the machines this project is built
 * on. So Testcontainers is only asked when something points at an engine: a
 * {@code DOCKER_HOST}, a {@code ~/.testcontainers.properties}, or one of the usual socket
 * files (the ones Testcontainers' own strategies look for). Otherwise the answer is "no"
 * in microseconds, without loading a Testcontainers class.
 */
final class DockerEngine {

	private DockerEngine() {
	}

	static boolean isAvailable() {
		return hintsAtEngine() && DockerClientFactory.instance().isDockerAvailable();
	}

	private static boolean hintsAtEngine() {
		if (System.getenv("DOCKER_HOST") != null || System.getProperty("docker.host") != null) {
			return true;
		}
		Path home = Path.of(System.getProperty("user.home"));
		List<Path> candidates = new ArrayList<>(
				List.of(home.resolve(".testcontainers.properties"), Path.of("/var/run/docker.sock"),
						home.resolve(".docker/run/docker.sock"), home.resolve(".docker/desktop/docker.sock"),
						home.resolve(".rd/docker.sock"), home.resolve(".colima/default/docker.sock")));
		String runtimeDir = System.getenv("XDG_RUNTIME_DIR");
		if (runtimeDir != null) {
			candidates.add(Path.of(runtimeDir, "docker.sock"));
		}
		return candidates.stream().anyMatch(Files::exists);
	}

}
