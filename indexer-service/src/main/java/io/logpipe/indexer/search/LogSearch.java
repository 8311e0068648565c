package io.logpipe.indexer.search;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.FieldDateMath;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;

import org.springframework.dao.DataAccessException;
import org.springframework.data.elasticsearch.UncategorizedElasticsearchException;
import org.springframework.data.elasticsearch.client.elc.ElasticsearchAggregations;
import org.springframework.data.elasticsearch.client.elc.NativeQuery;
import org.springframework.data.elasticsearch.core.ElasticsearchOperations;
import org.springframework.data.elasticsearch.core.SearchHit;
import org.springframework.data.elasticsearch.core.SearchHits;
import org.springframework.data.elasticsearch.core.TotalHitsRelation;
import org.springframework.data.elasticsearch.core.document.Document;
import org.springframework.data.elasticsearch.core.mapping.IndexCoordinates;
import org.springframework.stereotype.Component;

import io.logpipe.indexer.index.DataStreamNames;

/**
 * Runs a tenant's search on Elasticsearch through spring-data-elasticsearch's
 * {@link ElasticsearchOperations} (a native query; it shares the one connection Spring
 * Boot configures from {@code spring.elasticsearch.*} with the bulk writer's low-level
 * client).
 *
 * <p>
 * Tenant isolation holds twice over, whatever the query string says: the request targets
 * only the tenant's data streams ({@code logs-*-<tenant>}), and the tenant's
 * {@code organization.id} is a filter clause beside the query, so a query string such as
 * {@code organization.id:other OR *} can only narrow the tenant's own documents.
 */
@Component
class LogSearch {

	static final String TIMESTAMP_FIELD = "@timestamp";

	static final String ID_FIELD = "event.id";

	static final String TENANT_FIELD = "organization.id";

	private static final String LEVELS = "levels";

	private static final String HISTOGRAM = "histogram";

	private final ElasticsearchOperations operations;

	private final SearchProperties properties;

	LogSearch(ElasticsearchOperations operations, SearchProperties properties) {
		this.operations = operations;
		this.properties = properties;
	}

	SearchResult search(SearchRequest request) {
		Duration interval = histogramInterval(request.range().length());
		NativeQuery query = query(request, interval);
		SearchHits<Document> hits;
		try {
			hits = this.operations.search(query, Document.class,
					IndexCoordinates.of(DataStreamNames.tenantLogsPattern(request.tenant().id())));
		}
		catch (UncategorizedElasticsearchException ex) {
			throw refused(ex);
		}
		catch (DataAccessException ex) {
			throw new SearchException(SearchProblem.ELASTICSEARCH_UNAVAILABLE,
					"Elasticsearch did not answer the search: " + ex.getMostSpecificCause().getMessage(), ex);
		}
		List<Map<String, Object>> documents = new ArrayList<>(hits.getSearchHits().size());
		for (SearchHit<Document> hit : hits.getSearchHits()) {
			documents.add(hit.getContent());
		}
		String next = null;
		if (hits.getSearchHits().size() == request.size()) {
			List<Object> last = hits.getSearchHits().get(request.size() - 1).getSortValues();
			next = new SearchCursor(((Number) last.get(0)).longValue(), String.valueOf(last.get(1))).encode();
		}
		ElasticsearchAggregations aggregations = (ElasticsearchAggregations) hits.getAggregations();
		return new SearchResult(request.range().from(), request.range().to(), hits.getTotalHits(),
				hits.getTotalHitsRelation() == TotalHitsRelation.GREATER_THAN_OR_EQUAL_TO, levels(aggregations),
				histogram(aggregations, interval), documents, next);
	}

	NativeQuery query(SearchRequest request, Duration interval) {
		List<Query> filters = new ArrayList<>();
		filters.add(Query.of((q) -> q.term((t) -> t.field(TENANT_FIELD).value(request.tenant().id()))));
		filters.add(Query.of((q) -> q.range((r) -> r.date((d) -> d.field(TIMESTAMP_FIELD)
			.gte(request.range().from().toString())
			.lte(request.range().to().toString())))));
		terms(filters, LogFilter.SERVICE_FIELD, request.filter().services());
		terms(filters, LogFilter.LEVEL_FIELD, request.filter().levels());
		terms(filters, LogFilter.HOST_FIELD, request.filter().hosts());
		terms(filters, LogFilter.TRACE_FIELD, request.filter().traceIds());
		List<Query> must = new ArrayList<>();
		if (request.query() != null && !request.query().isBlank()) {
			must.add(Query.of((q) -> q.queryString((s) -> s.query(request.query())
				.defaultField("message")
				.defaultOperator(Operator.And)
				.allowLeadingWildcard(this.properties.allowLeadingWildcard()))));
		}
		var builder = NativeQuery.builder()
			.withQuery((q) -> q.bool((b) -> b.filter(filters).must(must)))
			.withSort((s) -> s.field((f) -> f.field(TIMESTAMP_FIELD).order(SortOrder.Desc)))
			.withSort((s) -> s.field((f) -> f.field(ID_FIELD).order(SortOrder.Desc)))
			.withMaxResults(request.size())
			.withTimeout(this.properties.timeout())
			.withTrackTotalHits(true)
			.withAggregation(LEVELS, Aggregation.of((a) -> a.terms((t) -> t.field(LogFilter.LEVEL_FIELD).size(20))))
			.withAggregation(HISTOGRAM,
					Aggregation.of((a) -> a.dateHistogram((h) -> h.field(TIMESTAMP_FIELD)
						.fixedInterval((t) -> t.time(interval.toSeconds() + "s"))
						.minDocCount(0)
						.extendedBounds((e) -> e
							.min(FieldDateMath.of((m) -> m.value((double) request.range().from().toEpochMilli())))
							.max(FieldDateMath.of((m) -> m.value((double) request.range().to().toEpochMilli())))))));
		if (request.cursor() != null) {
			builder.withSearchAfter(request.cursor().searchAfter());
		}
		return builder.build();
	}

	/** One minute, or as many minutes as keep the histogram within its bucket limit. */
	Duration histogramInterval(Duration range) {
		long minutes = Math.max(1, range.toMinutes());
		long perBucket = Math.max(1,
				(minutes + this.properties.maxHistogramBuckets() - 1) / this.properties.maxHistogramBuckets());
		return Duration.ofMinutes(perBucket);
	}

	private static void terms(List<Query> filters, String field, List<String> values) {
		if (!values.isEmpty()) {
			List<FieldValue> terms = values.stream().map(FieldValue::of).toList();
			filters.add(Query.of((q) -> q.terms((t) -> t.field(field).terms((v) -> v.value(terms)))));
		}
	}

	private static Map<String, Long> levels(ElasticsearchAggregations aggregations) {
		Map<String, Long> levels = new LinkedHashMap<>();
		if (aggregations != null && aggregations.get(LEVELS) != null) {
			Aggregate aggregate = aggregations.get(LEVELS).aggregation().getAggregate();
			aggregate.sterms()
				.buckets()
				.array()
				.forEach((bucket) -> levels.put(bucket.key().stringValue(), bucket.docCount()));
		}
		return levels;
	}

	private static SearchResult.Histogram histogram(ElasticsearchAggregations aggregations, Duration interval) {
		List<SearchResult.Bucket> buckets = new ArrayList<>();
		if (aggregations != null && aggregations.get(HISTOGRAM) != null) {
			Aggregate aggregate = aggregations.get(HISTOGRAM).aggregation().getAggregate();
			aggregate.dateHistogram()
				.buckets()
				.array()
				.forEach((bucket) -> buckets
					.add(new SearchResult.Bucket(Instant.ofEpochMilli(bucket.key()), bucket.docCount())));
		}
		return new SearchResult.Histogram(interval.toSeconds(), buckets);
	}

	/**
	 * Elasticsearch refused the search: a 4xx is the query's fault (it cannot be parsed,
	 * or uses a leading wildcard) and says why; anything else is Elasticsearch's.
	 */
	private static SearchException refused(UncategorizedElasticsearchException ex) {
		Integer status = ex.getStatusCode();
		if (status != null && status >= 400 && status < 500 && ex.getCause() instanceof ElasticsearchException es) {
			return new SearchException(SearchProblem.INVALID_QUERY,
					"Elasticsearch cannot run the query: " + reason(es.error()), ex);
		}
		return new SearchException(SearchProblem.ELASTICSEARCH_UNAVAILABLE,
				"Elasticsearch failed the search (status " + status + ")", ex);
	}

	/** The root cause's reason and, when deeper, the innermost cause's. */
	static String reason(ErrorCause error) {
		ErrorCause root = error.rootCause().isEmpty() ? error : error.rootCause().get(0);
		ErrorCause innermost = error;
		while (innermost.causedBy() != null) {
			innermost = innermost.causedBy();
		}
		String rootReason = String.valueOf(root.reason());
		String innerReason = innermost.reason();
		return (innermost == error || innerReason == null || rootReason.contains(innerReason)) ? rootReason
				: rootReason + ": " + innerReason;
	}

}
