package io.logpipe.testsupport;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A small ext4 file system of one test's own, in an image file mounted on a loop device,
 * so that a server's data can run out of space for real without filling the machine's
 * disk. A ballast file fills it and is removed again.
 *
 * <p>
 * Mounting needs root with the capability to set up loop devices ({@code CAP_SYS_ADMIN}),
 * which CI containers often lack: {@link #mount} then throws {@link Unavailable} with the
 * reason, for the test to turn into a JUnit assumption. The image and its mount point
 * live in {@code /tmp/logpipe-disk-<jvm pid>-<random>}; {@link #close()} unmounts and
 * deletes them, and each {@link #mount} removes those of JVMs that no longer exist (a
 * build killed with SIGKILL runs no {@code @AfterAll}).
 *
 * <p>
 * Not thread-safe: one test drives it.
 */
public final class LoopFileSystem implements AutoCloseable {

	private static final System.Logger logger = System.getLogger(LoopFileSystem.class.getName());

	private static final String FOLDER_PREFIX = "logpipe-disk-";

	private static final Pattern FOLDER_NAME = Pattern.compile(Pattern.quote(FOLDER_PREFIX) + "(\\d+)-.*");

	private static final int CHUNK = 1024 * 1024;

	private final Path folder;

	private final Path mountPoint;

	private final Path ballast;

	private LoopFileSystem(Path folder, Path mountPoint) {
		this.folder = folder;
		this.mountPoint = mountPoint;
		this.ballast = mountPoint.resolve("ballast");
	}

	/**
	 * Makes an ext4 file system of {@code bytes} (no blocks reserved for root, so that
	 * every byte counts for an unprivileged server too) and mounts it.
	 * @param bytes its size; a few hundred MB is plenty for a test
	 * @return the mounted file system, empty but for {@code lost+found}
	 * @throws Unavailable when this machine does not let the test mount it (not root, no
	 * loop devices, no {@code mkfs.ext4}), with the reason
	 */
	public static LoopFileSystem mount(long bytes) throws Unavailable {
		if (!LocalElasticsearchServer.runsAsRoot()) {
			throw new Unavailable(
					"mounting a loop file system needs root; this JVM runs as " + System.getProperty("user.name"));
		}
		Path tmp = Path.of("/tmp");
		removeLeftoversOfDeadJvms(tmp);
		Path folder;
		try {
			folder = Files.createTempDirectory(tmp, FOLDER_PREFIX + ProcessHandle.current().pid() + "-");
			// A server run as another user (Elasticsearch as nobody) must reach the
			// mount.
			Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Path image = folder.resolve("image");
		Path mountPoint = folder.resolve("mnt");
		try {
			try (RandomAccessFile file = new RandomAccessFile(image.toFile(), "rw")) {
				file.setLength(bytes);
			}
			Files.createDirectory(mountPoint);
			run("mkfs.ext4", "-q", "-F", "-m", "0", image.toString());
			run("mount", "-o", "loop", image.toString(), mountPoint.toString());
		}
		catch (IOException | IllegalStateException ex) {
			LocalElasticsearchServer.delete(folder);
			throw new Unavailable("could not mount a loop file system: " + ex.getMessage());
		}
		return new LoopFileSystem(folder, mountPoint);
	}

	/** Where it is mounted. */
	public Path root() {
		return this.mountPoint;
	}

	/** Its size in bytes. */
	public long totalBytes() {
		try {
			return Files.getFileStore(this.mountPoint).getTotalSpace();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Bytes still free for anyone. */
	public long freeBytes() {
		try {
			return Files.getFileStore(this.mountPoint).getUsableSpace();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** How full it is, in percent of its size, as Elasticsearch counts it. */
	public double usedPercent() {
		long total = totalBytes();
		return 100.0 * (total - freeBytes()) / total;
	}

	/**
	 * Writes a ballast file (real blocks, not a sparse file) until no more than
	 * {@code leaveFree} bytes are free.
	 */
	public void fill(long leaveFree) {
		ByteBuffer zeros = ByteBuffer.allocateDirect(CHUNK);
		try (FileChannel channel = FileChannel.open(this.ballast, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
				StandardOpenOption.APPEND)) {
			for (long excess = freeBytes() - leaveFree; excess > 0; excess = freeBytes() - leaveFree) {
				zeros.clear().limit((int) Math.min(CHUNK, excess));
				while (zeros.hasRemaining()) {
					channel.write(zeros);
				}
				channel.force(false);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not fill " + this.mountPoint, ex);
		}
	}

	/** Deletes the ballast file: the space is free again. */
	public void empty() {
		try {
			Files.deleteIfExists(this.ballast);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Unmounts the file system and deletes the image. Stop whatever uses it first; a busy
	 * mount is detached lazily (the kernel frees it when the last user is gone).
	 */
	@Override
	public void close() {
		unmount(this.folder);
	}

	private static void unmount(Path folder) {
		Path mountPoint = folder.resolve("mnt");
		try {
			run("umount", mountPoint.toString());
		}
		catch (IOException | IllegalStateException ex) {
			try {
				run("umount", "-l", mountPoint.toString());
			}
			catch (IOException | IllegalStateException lazy) {
				// not mounted (a mount that failed half way, or already unmounted)
			}
		}
		if (isMounted(mountPoint)) {
			logger.log(Level.WARNING, "Could not unmount " + mountPoint + "; its image stays");
			return;
		}
		LocalElasticsearchServer.delete(folder);
	}

	private static boolean isMounted(Path mountPoint) {
		try (Stream<String> mounts = Files.lines(Path.of("/proc/self/mounts"))) {
			String path = mountPoint.toString();
			return mounts.map((line) -> line.split(" "))
				.anyMatch((fields) -> fields.length > 1 && fields[1].equals(path));
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static void removeLeftoversOfDeadJvms(Path tmp) {
		try (Stream<Path> children = Files.list(tmp)) {
			for (Path folder : children.toList()) {
				Matcher name = FOLDER_NAME.matcher(folder.getFileName().toString());
				if (name.matches() && ProcessHandle.of(Long.parseLong(name.group(1))).isEmpty()) {
					unmount(folder);
				}
			}
		}
		catch (IOException ex) {
			logger.log(Level.WARNING, "Could not look for leftover loop file systems in " + tmp, ex);
		}
	}

	private static void run(String... command) throws IOException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		try {
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException(String.join(" ", command) + " did not finish within 60 s");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		String output = new String(process.getInputStream().readAllBytes()).strip();
		if (process.exitValue() != 0) {
			throw new IllegalStateException(
					String.join(" ", command) + " exited with " + process.exitValue() + ": " + output);
		}
	}

	/** This machine does not let a test mount a file system; the message says why. */
	public static final class Unavailable extends Exception {

		Unavailable(String message) {
			super(message);
		}

	}

}
