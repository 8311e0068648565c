package io.logpipe.ingest.event;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.logpipe.common.codec.EventCodec;
import io.logpipe.common.event.Category;
import io.logpipe.common.event.RawLogRecord;
import io.logpipe.ingest.auth.AuthenticatedClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class RecordMapperTests {

	private final JsonMapper json = new EventCodec().mapper();

	private final RecordMapper mapper = new RecordMapper(this.json,
			new CategoryResolver(new CategoryRouter(new RoutingProperties(List.of(), 4096, 100_000))));

	private final RequestContext context = new RequestContext(
			new AuthenticatedClient("sha", "acme", Set.of(Category.APP)), Instant.parse("2026-12-01T10:00:00Z"),
			"10.0.0.1", null, null, null, Category.APP, null);

	@Test
	void keepsEveryFieldButTheMessageAsJacksonsUntypedBindingReadsIt() {
		JsonNode event = this.json.readTree("""
				{"message":"hi","service":"web","ok":true,"gone":null,"n":7,"big":12345678901,"ratio":0.5,
				 "tags":["a",1],"user":{"id":"u1","age":3}}""");

		RawLogRecord record = this.mapper.toRecord(event, 0, this.context);

		assertThat(record.fields()).containsExactly(entry("service", "web"), entry("ok", true), entry("gone", null),
				entry("n", 7), entry("big", 12345678901L), entry("ratio", 0.5), entry("tags", List.of("a", 1)),
				entry("user", Map.of("id", "u1", "age", 3)));
		record.fields()
			.forEach((name, value) -> assertThat(value).as(name)
				.isEqualTo(this.json.treeToValue(event.get(name), Object.class)));
	}

}
