package io.logpipe.ingest.protocol.splunk;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.logpipe.common.codec.EventCodec;
import io.logpipe.ingest.FuzzFixtures;
import io.logpipe.testsupport.fuzz.Fuzz;
import io.logpipe.testsupport.fuzz.Inputs;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HEC event reader on generated bodies: mutations of real HEC requests (concatenated
 * objects, string and object events, string and number times, indexed fields) and noise.
 * It answers the events or rejects the body with HEC's own problem, in time.
 */
class HecEventParserFuzzTests {

	private static final List<String> EXAMPLES = List.of(
			"{\"time\":1764583200.25,\"host\":\"web-1\",\"index\":\"othertenant\",\"event\":{\"message\":\"m\",\"level\":\"info\"},"
					+ "\"fields\":{\"service\":\"checkout\"}}{\"event\":\"order paid\",\"time\":\"1700000000.123\"}",
			"{\"event\":\"x\"}\n{\"event\":{\"a\":[1,2,{\"b\":null}]},\"sourcetype\":\"_json\",\"fields\":{\"environment\":\"prod\"}}");

	private final HecEventParser parser = new HecEventParser(new EventCodec().mapper());

	@Test
	void readsOrRejectsAnyBody() {
		Fuzz.of("HEC body",
				(random) -> (random.nextInt(5) == 0) ? Inputs.bytes(random, 512) : Inputs.mutatedText(random, EXAMPLES))
			.tries(FuzzFixtures.TRIES)
			.budget(FuzzFixtures.BUDGET)
			.check((body) -> FuzzFixtures
				.succeedsOrRejects((ignored) -> assertThat(this.parser.parse(body)).isNotEmpty()));
	}

}
