package io.logpipe.indexer.search;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.springframework.data.elasticsearch.client.elc.NativeQuery;

import io.logpipe.common.codec.EventCodec;

import static org.assertj.core.api.Assertions.assertThat;

class LogSearchTests {

	private final SearchProperties properties = new SearchProperties(Duration.ofMinutes(15), Duration.ofDays(7),
			Duration.ofSeconds(10), 100, 500, false, 1440);

	private final LogSearch search = new LogSearch(null, this.properties, new EventCodec());

	@Test
	void theTenantIsAFilterBesideTheQueryStringWhateverTheQuerySays() {
		SearchRequest request = new SearchRequest(new Tenant("acme"), "organization.id:globex OR *",
				LogFilter.of("checkout", "warn", null, null),
				new TimeRange(Instant.parse("2026-11-21T09:45:00Z"), Instant.parse("2026-11-21T10:00:00Z")), 100, null);

		NativeQuery query = this.search.query(request, Duration.ofMinutes(1));

		var bool = query.getQuery().bool();
		assertThat(bool.filter()).anySatisfy((filter) -> {
			assertThat(filter.isTerm()).isTrue();
			assertThat(filter.term().field()).isEqualTo("organization.id");
			assertThat(filter.term().value().stringValue()).isEqualTo("acme");
		});
		assertThat(bool.must()).singleElement()
			.satisfies((must) -> assertThat(must.queryString().allowLeadingWildcard()).isFalse());
		assertThat(bool.should()).isEmpty();
	}

	@Test
	void theHistogramHasMinuteBucketsUpToItsLimit() {
		assertThat(this.search.histogramInterval(Duration.ofMinutes(15))).isEqualTo(Duration.ofMinutes(1));
		assertThat(this.search.histogramInterval(Duration.ofDays(1))).isEqualTo(Duration.ofMinutes(1));
		assertThat(this.search.histogramInterval(Duration.ofDays(7))).isEqualTo(Duration.ofMinutes(7));
	}

	@Test
	void saysWhyElasticsearchRefusedAQueryFromTheInnermostShardFailure() {
		String answer = """
				{"error":{"root_cause":[{"type":"query_shard_exception","reason":"Failed to parse query [*clined]"}],
				 "type":"search_phase_execution_exception","reason":"all shards failed",
				 "failed_shards":[{"shard":0,"reason":{"type":"query_shard_exception","reason":"Failed to parse query [*clined]",
				   "caused_by":{"type":"parse_exception","reason":"Cannot parse '*clined': '*' not allowed as first character"}}}]},
				 "status":400}""";

		assertThat(this.search.reason(answer))
			.isEqualTo("Failed to parse query [*clined]: Cannot parse '*clined': '*' not allowed as first character");
		assertThat(this.search.reason("{\"error\":{\"reason\":\"bad\"}}")).isEqualTo("bad");
		assertThat(this.search.reason("not json")).isEqualTo("(its answer could not be read)");
	}

}
