package io.logpipe.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A Kustomize directory under {@code deploy/k8s} rendered with {@code kubectl kustomize},
 * the way {@code kubectl apply -k} renders it, as one JSON tree per object.
 */
final class RenderedOverlay {

	static final List<String> OVERLAYS = List.of("overlays/dev", "overlays/prod");

	private static final Map<String, RenderedOverlay> rendered = new ConcurrentHashMap<>();

	private final String name;

	private final List<JsonNode> objects;

	private RenderedOverlay(String name, List<JsonNode> objects) {
		this.name = name;
		this.objects = objects;
	}

	static RenderedOverlay of(String directory) {
		return rendered.computeIfAbsent(directory,
				(dir) -> new RenderedOverlay(dir, ProjectFiles.yamlDocuments(render(dir))));
	}

	private static String render(String directory) {
		String path = ProjectFiles.path("deploy/k8s/" + directory).toString();
		try {
			Process process = new ProcessBuilder("kubectl", "kustomize", path).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException("kubectl kustomize " + path + " failed:\n" + output);
			}
			return output;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("kubectl is needed to render deploy/k8s (it bundles kustomize): install "
					+ "it from your distribution (e.g. the kubernetes-client package) or from the Kubernetes "
					+ "release page, then rerun", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	String name() {
		return this.name;
	}

	List<JsonNode> objects() {
		return this.objects;
	}

	List<JsonNode> ofKind(String kind) {
		return this.objects.stream().filter((object) -> kind.equals(object.path("kind").asText())).toList();
	}

	JsonNode one(String kind, String name) {
		return ofKind(kind).stream()
			.filter((object) -> name.equals(object.at("/metadata/name").asText()))
			.findFirst()
			.orElseThrow(() -> new NoSuchElementException(this.name + " renders no " + kind + " " + name));
	}

	/**
	 * The object of that kind whose name starts with {@code prefix} (hashed ConfigMaps).
	 */
	JsonNode oneNamedLike(String kind, String prefix) {
		List<JsonNode> matches = ofKind(kind).stream()
			.filter((object) -> object.at("/metadata/name").asText().startsWith(prefix + "-"))
			.toList();
		if (matches.size() != 1) {
			throw new NoSuchElementException(
					this.name + " renders " + matches.size() + " " + kind + " named " + prefix);
		}
		return matches.get(0);
	}

	@Override
	public String toString() {
		return this.name;
	}

}
