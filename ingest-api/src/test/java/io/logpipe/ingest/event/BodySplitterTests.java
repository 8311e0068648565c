package io.logpipe.ingest.event;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.logpipe.common.codec.EventCodec;
import io.logpipe.common.event.Category;
import io.logpipe.ingest.FuzzFixtures;
import io.logpipe.ingest.auth.AuthenticatedClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class BodySplitterTests {

	private final EventBatchReader reader = new EventBatchReader(new EventCodec(), FuzzFixtures.LIMITS,
			new CategoryRouter(new RoutingProperties(List.of(), 4096, 100_000)));

	private final RequestContext context = new RequestContext(
			new AuthenticatedClient("sha", "acme", EnumSet.of(Category.APP)), Instant.EPOCH, "127.0.0.1", null, null,
			null, null, null);

	@Test
	void rejectsAnNdjsonLineWithContentAfterItsValueAndKeepsItsNeighbours() {
		EventBatch batch = read(
				"{\"message\":\"a\"}\n{\"message\":\"b\"} {\"message\":\"c\"}\n\r\r\n{\"message\":\"d\"}\n");

		assertThat(batch.accepted()).extracting("message").containsExactly("a", "d");
		assertThat(batch.rejected()).extracting(Rejection::index, Rejection::detail)
			.containsExactly(tuple(1,
					"the line is not valid JSON: content after the end of its first value at byte offset: #16"),
					tuple(2, "an event must be a JSON object, not nothing"));
	}

	private EventBatch read(String body) {
		return this.reader.read(body.getBytes(StandardCharsets.UTF_8), BodyFormat.NDJSON, this.context);
	}

}
