package io.logpipe.parser.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

import io.logpipe.common.codec.EventCodec;
import io.logpipe.common.event.RawLogRecord;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule tests: every {@code samples/<format>/<name>.input} (a raw record as JSON, or a
 * bare line that is parsed without a format hint, tenant {@code acme}, service
 * {@code checkout}, received 2026-11-21T10:00:00Z) must produce exactly the document in
 * {@code <name>.expected.json}: no field missing, none extra. A parser or rule change
 * that alters a document fails the build here.
 *
 * <p>
 * To write the expected file of a new sample, run with {@code -Dsamples.write=true} and
 * review what it wrote.
 */
class SampleFolderTests {

	private static final Path SAMPLES = Paths.get("src/test/resources/samples");

	private static final List<String> BUILT_IN_FORMATS = List.of("json", "logfmt", "rfc5424", "rfc3164", "access",
			"plain", "grok");

	private final EventCodec codec = new EventCodec();

	private final RecordProcessor processor = TestEngines.processor(List.of(), new SimpleMeterRegistry());

	static Stream<Arguments> samples() throws IOException {
		try (Stream<Path> files = Files.walk(SAMPLES)) {
			return files.filter((file) -> file.getFileName().toString().endsWith(".input"))
				.sorted()
				.map((file) -> Arguments.of(SAMPLES.relativize(file).toString(), file))
				.toList()
				.stream();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("samples")
	void sampleProducesItsExpectedDocument(String name, Path input) throws Exception {
		String text = Files.readString(input, StandardCharsets.UTF_8);
		RawLogRecord raw = text.startsWith("{\"schemaVersion\"")
				? this.codec.decodeRaw(text.getBytes(StandardCharsets.UTF_8))
				: TestEngines.line(text.stripTrailing(), null);
		String actual = new String(this.codec.encode(this.processor.process(raw).document()), StandardCharsets.UTF_8);
		Path expected = input.resolveSibling(input.getFileName().toString().replace(".input", ".expected.json"));
		if (Boolean.getBoolean("samples.write") && !Files.exists(expected)) {
			Files.writeString(expected,
					this.codec.mapper()
						.writerWithDefaultPrettyPrinter()
						.writeValueAsString(this.codec.mapper().readTree(actual)) + "\n");
		}
		JSONAssert.assertEquals(Files.readString(expected), actual, JSONCompareMode.NON_EXTENSIBLE);
	}

	@Test
	void everyBuiltInFormatHasSamples() throws IOException {
		for (String format : BUILT_IN_FORMATS) {
			try (Stream<Path> files = Files.list(SAMPLES.resolve(format))) {
				assertThat(files.filter((file) -> file.toString().endsWith(".input"))).as(format).isNotEmpty();
			}
		}
	}

}
