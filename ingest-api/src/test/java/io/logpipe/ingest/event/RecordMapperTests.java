package io.logpipe.ingest.event;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonParser;

import io.logpipe.common.codec.EventCodec;
import io.logpipe.common.event.Category;
import io.logpipe.common.event.RawLogRecord;
import io.logpipe.ingest.auth.AuthenticatedClient;
import io.logpipe.service.problem.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;

class RecordMapperTests {

	private final EventCodec codec = new EventCodec();

	private final RecordMapper mapper = new RecordMapper(
			new CategoryResolver(new CategoryRouter(new RoutingProperties(List.of(), 4096, 100_000))));

	private final RequestContext context = new RequestContext(
			new AuthenticatedClient("sha", "acme", Set.of(Category.APP)), Instant.parse("2026-12-01T10:00:00Z"),
			"10.0.0.1", "default-service", null, null, Category.APP, null);

	@Test
	void keepsEveryFieldButTheMessageInOrder() {
		RawLogRecord record = this.mapper.toRecord(read("""
				{"service":"web","message":"hi","ok":true,"gone":null,"n":7,"big":12345678901,"ratio":0.5,
				 "tags":["a",1],"user":{"id":"u1","age":3}}"""), 0, this.context);

		assertThat(record.message()).isEqualTo("hi");
		assertThat(record.fields()).containsExactly(entry("service", "web"), entry("ok", true), entry("gone", null),
				entry("n", 7), entry("big", 12345678901L), entry("ratio", 0.5), entry("tags", List.of("a", 1)),
				entry("user", Map.of("id", "u1", "age", 3)));
	}

	@Test
	void takesTheSourceFromTheEventsGroupsOrDottedNamesBeforeTheRequests() {
		RawLogRecord grouped = this.mapper.toRecord(
				read("{\"message\":\"m\",\"service\":{\"name\":\"api\",\"environment\":\"prod\"},\"host\":\"h1\"}"), 0,
				this.context);
		RawLogRecord dotted = this.mapper
			.toRecord(read("{\"message\":\"m\",\"service.name\":\"api\",\"host.name\":\"h2\"}"), 1, this.context);
		RawLogRecord plain = this.mapper.toRecord(read("{\"message\":\"m\"}"), 2, this.context);

		assertThat(grouped.source().service()).isEqualTo("api");
		assertThat(grouped.source().environment()).isEqualTo("prod");
		assertThat(grouped.source().host()).isEqualTo("h1");
		assertThat(dotted.source().service()).isEqualTo("api");
		assertThat(dotted.source().host()).isEqualTo("h2");
		assertThat(plain.source().service()).isEqualTo("default-service");
	}

	@Test
	void rejectsAnEventThatIsNotAnObjectWithAStringMessage() {
		assertThatExceptionOfType(ProblemException.class)
			.isThrownBy(() -> this.mapper.toRecord(read("[{\"message\":\"m\"}]"), 0, this.context))
			.satisfies((ex) -> assertThat(ex.detail()).isEqualTo("an event must be a JSON object, not an array"));
		assertThatExceptionOfType(ProblemException.class)
			.isThrownBy(() -> this.mapper.toRecord(read("{\"message\":1}"), 0, this.context))
			.satisfies((ex) -> assertThat(ex.detail()).isEqualTo("an event needs a string field 'message'"));
	}

	private ParsedEvent read(String event) {
		try (JsonParser parser = this.codec.mapper().createParser(event)) {
			parser.nextToken();
			return new EventReader(20).read(parser);
		}
	}

}
