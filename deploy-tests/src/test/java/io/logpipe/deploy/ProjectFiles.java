package io.logpipe.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** Files of the repository the deploy tests read, relative to its root. */
final class ProjectFiles {

	static final ObjectMapper yaml = YAMLMapper.builder().build();

	static final ObjectMapper json = JsonMapper.builder().build();

	private ProjectFiles() {
	}

	static Path root() {
		return Path.of(System.getProperty("logpipe.project.root", "..")).toAbsolutePath().normalize();
	}

	static Path path(String relative) {
		return root().resolve(relative);
	}

	static String read(String relative) {
		try {
			return Files.readString(path(relative));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Every document of a YAML text ({@code ---} separated), empty ones left out. */
	static List<JsonNode> yamlDocuments(String text) {
		List<JsonNode> documents = new ArrayList<>();
		try (MappingIterator<JsonNode> iterator = yaml.readerFor(JsonNode.class).readValues(text)) {
			while (iterator.hasNext()) {
				JsonNode document = iterator.next();
				if (document != null && !document.isNull() && !document.isMissingNode()) {
					documents.add(document);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return documents;
	}

	static JsonNode yamlFile(String relative) {
		List<JsonNode> documents = yamlDocuments(read(relative));
		if (documents.size() != 1) {
			throw new IllegalStateException(relative + " has " + documents.size() + " documents, expected one");
		}
		return documents.get(0);
	}

	static JsonNode jsonFile(String relative) {
		try {
			return json.readTree(read(relative));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
