package io.logpipe.ingest.protocol.loki;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.github.loki4j.pkg.google.protobuf.Timestamp;
import com.github.loki4j.pkg.loki.protobuf.Push;
import org.junit.jupiter.api.Test;
import org.xerial.snappy.Snappy;

import io.logpipe.common.codec.EventCodec;
import io.logpipe.ingest.FuzzFixtures;
import io.logpipe.ingest.hostile.Bodies;
import io.logpipe.testsupport.fuzz.Fuzz;
import io.logpipe.testsupport.fuzz.Inputs;

/**
 * The Loki push reader on generated bodies: mutations of a real JSON push, of a snappy
 * protobuf push (the compressed and the protobuf bytes), and of label strings, and noise.
 * It maps the entries or rejects the body with a problem, in time.
 */
class LokiPushFuzzTests {

	private static final String JSON = """
			{"streams":[{"stream":{"service_name":"checkout","tenant":"othertenant","level":"warn"},
			"values":[["1700000000123456789","m",{"trace_id":"5b8efff798038103d269b633813fc60c"}],["1","n",null]]}]}
			""";

	private final LokiPush push = new LokiPush(new EventCodec().mapper(), FuzzFixtures.bodyReader());

	@Test
	void mapsOrRejectsAnyJsonPush() {
		Fuzz.of("Loki JSON",
				(random) -> (random.nextInt(5) == 0) ? Inputs.bytes(random, 512)
						: Inputs.mutatedText(random, List.of(JSON)))
			.tries(FuzzFixtures.TRIES)
			.budget(FuzzFixtures.BUDGET)
			.check((body) -> FuzzFixtures
				.succeedsOrRejects((ignored) -> this.push.read(body, "application/json", null)));
	}

	@Test
	void mapsOrRejectsAnySnappyProtobufPush() throws IOException {
		byte[] protobuf = protobuf().toByteArray();
		List<byte[]> compressed = List.of(Snappy.compress(protobuf));
		Fuzz.of("Loki snappy protobuf", (random) -> switch (random.nextInt(3)) {
			case 0 -> Inputs.mutated(random, compressed);
			case 1 -> Bodies.snappy(Inputs.mutated(random, List.of(protobuf)));
			default -> Inputs.bytes(random, 512);
		})
			.tries(FuzzFixtures.TRIES)
			.budget(FuzzFixtures.BUDGET)
			.check((body) -> FuzzFixtures
				.succeedsOrRejects((ignored) -> this.push.read(body, "application/x-protobuf", null)));
	}

	@Test
	void readsOrRejectsAnyLabels() {
		Fuzz.of("Loki labels",
				(random) -> new String(
						Inputs.mutatedText(random,
								List.of("{service_name=\"checkout\", job=\"a\\\"b\", x=\"1\"}", "{}")),
						StandardCharsets.UTF_8))
			.tries(FuzzFixtures.TRIES)
			.budget(FuzzFixtures.BUDGET)
			.check((labels) -> FuzzFixtures.succeedsOrRejects((ignored) -> LokiLabels.parse(labels)));
	}

	private static Push.PushRequest protobuf() {
		return Push.PushRequest.newBuilder()
			.addStreams(Push.StreamAdapter.newBuilder()
				.setLabels("{service_name=\"checkout\", tenant=\"othertenant\"}")
				.addEntries(Push.EntryAdapter.newBuilder()
					.setTimestamp(Timestamp.newBuilder().setSeconds(1_700_000_000L).setNanos(123))
					.setLine("m")
					.addStructuredMetadata(Push.LabelPairAdapter.newBuilder().setName("trace_id").setValue("5b8e"))))
			.build();
	}

}
