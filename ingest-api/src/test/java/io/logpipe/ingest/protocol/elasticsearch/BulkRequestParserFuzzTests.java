package io.logpipe.ingest.protocol.elasticsearch;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.logpipe.common.codec.EventCodec;
import io.logpipe.ingest.FuzzFixtures;
import io.logpipe.testsupport.fuzz.Fuzz;
import io.logpipe.testsupport.fuzz.Inputs;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code _bulk} reader on generated bodies: mutations of real bulk requests and
 * noise. It answers one action per action line or rejects the body with a problem, in
 * time.
 */
class BulkRequestParserFuzzTests {

	private static final List<String> EXAMPLES = List.of(
			"{\"create\":{\"_index\":\"logs-checkout-prod\"}}\n{\"@timestamp\":\"2026-12-01T10:00:00Z\",\"message\":\"m\"}\n",
			"{\"index\":{\"_index\":\"logs-x-othertenant\",\"_id\":\"1\"}}\n{\"message\":\"m\",\"organization\":{\"id\":\"other\"}}\n"
					+ "{\"delete\":{\"_index\":\"a\",\"_id\":\"2\"}}\n{\"update\":{\"_id\":\"3\"}}\n{\"doc\":{}}",
			"{\"create\":{}}\r\n{\"message\":\"m\",\"log\":{\"level\":\"info\"},\"n\":[1,{\"a\":[]}]}");

	private final BulkRequestParser parser = new BulkRequestParser(new EventCodec().mapper());

	@Test
	void readsOrRejectsAnyBody() {
		Fuzz.of("_bulk body",
				(random) -> (random.nextInt(5) == 0) ? Inputs.bytes(random, 512) : Inputs.mutatedText(random, EXAMPLES))
			.tries(FuzzFixtures.TRIES)
			.budget(FuzzFixtures.BUDGET)
			.check((body) -> FuzzFixtures.succeedsOrRejects((ignored) -> assertThat(this.parser.parse(body, "fallback"))
				.allSatisfy((action) -> assertThat(action.item()).isNotNull())));
	}

}
