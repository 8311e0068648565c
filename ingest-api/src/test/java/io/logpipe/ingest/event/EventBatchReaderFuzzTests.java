package io.logpipe.ingest.event;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.logpipe.common.codec.EventCodec;
import io.logpipe.common.event.Category;
import io.logpipe.ingest.FuzzFixtures;
import io.logpipe.ingest.auth.AuthenticatedClient;
import io.logpipe.testsupport.fuzz.Fuzz;
import io.logpipe.testsupport.fuzz.Inputs;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The native API's reader on generated bodies of each content type: every event it
 * accepts belongs to the key's tenant, and a body it cannot read is rejected with a
 * problem, in time.
 */
class EventBatchReaderFuzzTests {

	private static final List<String> EXAMPLES = List.of("{\"message\":\"m\",\"level\":\"warn\",\"service\":\"s\"}",
			"[{\"message\":\"a\"},{\"message\":\"b\",\"host\":{\"name\":\"h\"},\"n\":[1,2,{\"x\":null}]}]",
			"{\"message\":\"m\"}\n{\"message\":\"n\",\"category\":\"security\",\"organization\":{\"id\":\"other\"}}\n",
			"line one\nline two\r\n\n  \nline three");

	private final EventBatchReader reader = new EventBatchReader(new EventCodec(), FuzzFixtures.LIMITS,
			new CategoryRouter(new RoutingProperties(
					List.of(new RoutingProperties.Rule(null, "(?i)authentication fail(ed|ure)", Category.SECURITY)),
					4096, 100_000)));

	private final RequestContext context = new RequestContext(
			new AuthenticatedClient("sha", "acme", EnumSet.of(Category.APP, Category.SYSTEM)), Instant.EPOCH,
			"127.0.0.1", null, null, null, null, null);

	@ParameterizedTest(name = "{0}")
	@EnumSource(BodyFormat.class)
	void readsOrRejectsAnyBody(BodyFormat format) {
		Fuzz.of("native " + format, EventBatchReaderFuzzTests::body)
			.tries(FuzzFixtures.TRIES)
			.budget(FuzzFixtures.BUDGET)
			.check((body) -> FuzzFixtures.succeedsOrRejects((ignored) -> {
				EventBatch batch = this.reader.read(body, format, this.context);
				assertThat(batch.accepted()).allSatisfy((record) -> assertThat(record.tenant()).isEqualTo("acme"));
			}));
	}

	private static byte[] body(SplittableRandom random) {
		return switch (random.nextInt(4)) {
			case 0 -> Inputs.bytes(random, 512);
			case 1 -> Inputs.json(random, 5).getBytes(java.nio.charset.StandardCharsets.UTF_8);
			default -> Inputs.mutatedText(random, EXAMPLES);
		};
	}

}
