package io.logpipe.ingest.body;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

import com.github.luben.zstd.Zstd;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xerial.snappy.Snappy;

import io.logpipe.ingest.FuzzFixtures;
import io.logpipe.testsupport.fuzz.Fuzz;
import io.logpipe.testsupport.fuzz.Inputs;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The body reader on generated bodies in every {@code Content-Encoding}: noise, valid
 * compressions of generated text, and mutations of those (corrupt headers, cut streams,
 * flipped bits). It returns the decoded body within the limit or rejects it with a
 * problem, in time.
 */
class RequestBodyReaderFuzzTests {

	private final RequestBodyReader reader = FuzzFixtures.bodyReader();

	@ParameterizedTest(name = "Content-Encoding: {0}")
	@ValueSource(strings = { "identity", "gzip", "deflate", "zstd", "snappy" })
	void decodesOrRejectsAnyBody(String encoding) {
		Fuzz.of("body reader, " + encoding, (random) -> body(random, encoding))
			.tries(FuzzFixtures.TRIES)
			.budget(FuzzFixtures.BUDGET)
			.check((body) -> FuzzFixtures.succeedsOrRejects((ignored) -> {
				RequestBodyReader.Body read = this.reader.read(new ByteArrayInputStream(body), encoding, (held) -> {
				});
				assertThat(read.bytes().length).isLessThanOrEqualTo((int) FuzzFixtures.LIMITS.maxBodySize().toBytes());
				assertThat(read.bytesIn()).isEqualTo(body.length);
			}));
	}

	@ParameterizedTest(name = "Content-Encoding header near {0}")
	@ValueSource(strings = { "gzip", "snappy" })
	void decodesOrRejectsAnyEncodingHeader(String near) {
		Fuzz.of("Content-Encoding header", (random) -> near + Inputs.text(random, 3))
			.tries(FuzzFixtures.TRIES)
			.budget(FuzzFixtures.BUDGET)
			.check((header) -> FuzzFixtures.succeedsOrRejects((ignored) -> this.reader
				.read(new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)), header, (held) -> {
				})));
	}

	private static byte[] body(SplittableRandom random, String encoding) {
		byte[] plain = (random.nextBoolean()) ? Inputs.json(random, 4).getBytes(StandardCharsets.UTF_8)
				: Inputs.text(random, 64).getBytes(StandardCharsets.UTF_8);
		return switch (random.nextInt(3)) {
			case 0 -> Inputs.bytes(random, 1024);
			case 1 -> encode(plain, encoding);
			default -> Inputs.mutated(random, List.of(encode(plain, encoding)));
		};
	}

	private static byte[] encode(byte[] plain, String encoding) {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			switch (encoding) {
				case "gzip" -> {
					try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
						gzip.write(plain);
					}
				}
				case "deflate" -> {
					try (DeflaterOutputStream deflate = new DeflaterOutputStream(out)) {
						deflate.write(plain);
					}
				}
				case "zstd" -> out.write(Zstd.compress(plain));
				case "snappy" -> out.write(Snappy.compress(plain));
				default -> out.write(plain);
			}
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
