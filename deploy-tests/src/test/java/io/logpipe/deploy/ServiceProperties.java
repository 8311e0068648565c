package io.logpipe.deploy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The configuration properties one service knows: the Spring configuration metadata of
 * its own classes and of every library in its jar
 * ({@code META-INF/spring-configuration-metadata.json}), the same metadata IDEs complete
 * from. Environment variables are compared in Spring Boot's canonical form: upper case,
 * dots as underscores, dashes dropped ({@code indexer.admin.token-sha256} is
 * {@code INDEXER_ADMIN_TOKENSHA256}).
 */
final class ServiceProperties {

	private static final String METADATA = "META-INF/spring-configuration-metadata.json";

	private final Set<String> names = new HashSet<>();

	private final Set<String> mapPrefixes = new HashSet<>();

	private ServiceProperties() {
	}

	static ServiceProperties of(String service) {
		Path jar = ProjectFiles.path(service + "/target/" + service + ".jar");
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar + " does not exist: build the service modules first");
		}
		ServiceProperties properties = new ServiceProperties();
		try (InputStream in = Files.newInputStream(jar)) {
			properties.readJar(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return properties;
	}

	/**
	 * Whether Spring Boot binds this environment variable to a property the service has.
	 */
	boolean knowsVariable(String variable) {
		if (this.names.contains(variable)) {
			return true;
		}
		return this.mapPrefixes.stream().anyMatch((prefix) -> variable.startsWith(prefix + "_"));
	}

	/** Whether a property (in its dotted form) is one the service has. */
	boolean knowsProperty(String property) {
		return knowsVariable(canonical(property));
	}

	static String canonical(String property) {
		return property.replace("-", "").replace('.', '_').replace("[", "_").replace("]", "").toUpperCase(Locale.ROOT);
	}

	private void readJar(InputStream in) throws IOException {
		ZipInputStream zip = new ZipInputStream(in);
		for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
			if (entry.getName().endsWith(METADATA)) {
				readMetadata(ProjectFiles.json.readTree(zip.readAllBytes()));
			}
			else if (entry.getName().endsWith(".jar")) {
				readJar(new ByteArrayInputStream(zip.readAllBytes()));
			}
		}
	}

	private void readMetadata(JsonNode metadata) {
		for (JsonNode property : metadata.path("properties")) {
			String name = property.path("name").asText();
			// Spring Boot also binds the legacy form, dashes as underscores
			// (SPRING_KAFKA_BOOTSTRAP_SERVERS as well as SPRING_KAFKA_BOOTSTRAPSERVERS).
			List<String> forms = List.of(canonical(name), canonical(name.replace('-', '_')));
			this.names.addAll(forms);
			String type = property.path("type").asText();
			if (type.startsWith("java.util.Map<") || type.startsWith("java.util.List<")) {
				this.mapPrefixes.addAll(forms);
			}
		}
	}

}
