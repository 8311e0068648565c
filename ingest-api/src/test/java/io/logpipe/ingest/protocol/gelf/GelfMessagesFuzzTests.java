package io.logpipe.ingest.protocol.gelf;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.logpipe.common.codec.EventCodec;
import io.logpipe.ingest.FuzzFixtures;
import io.logpipe.ingest.hostile.Bodies;
import io.logpipe.testsupport.fuzz.Fuzz;
import io.logpipe.testsupport.fuzz.Inputs;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The GELF reader on generated bodies: mutations of real messages, plain and gzip (which
 * it recognises by its first bytes), and noise. It answers the messages or rejects the
 * body with a problem, in time.
 */
class GelfMessagesFuzzTests {

	private static final String MESSAGE = "{\"version\":\"1.1\",\"host\":\"web-1\",\"short_message\":\"m\",\"timestamp\":1700000000.123,"
			+ "\"level\":3,\"facility\":\"app\",\"line\":12,\"_service\":\"checkout\",\"_tenant\":\"othertenant\","
			+ "\"_trace_id\":\"5b8efff798038103d269b633813fc60c\",\"_nested\":{\"a\":[1]}}";

	private static final List<byte[]> EXAMPLES = List.of(MESSAGE.getBytes(StandardCharsets.UTF_8),
			(MESSAGE + "\n" + MESSAGE).getBytes(StandardCharsets.UTF_8),
			Bodies.gzip(MESSAGE.getBytes(StandardCharsets.UTF_8)));

	private final GelfMessages messages = new GelfMessages(new EventCodec().mapper(), FuzzFixtures.bodyReader());

	@Test
	void readsOrRejectsAnyBody() {
		Fuzz.of("GELF body",
				(random) -> (random.nextInt(5) == 0) ? Inputs.bytes(random, 512) : Inputs.mutated(random, EXAMPLES))
			.tries(FuzzFixtures.TRIES)
			.budget(FuzzFixtures.BUDGET)
			.check((body) -> FuzzFixtures
				.succeedsOrRejects((ignored) -> assertThat(this.messages.read(body)).isNotEmpty()));
	}

}
