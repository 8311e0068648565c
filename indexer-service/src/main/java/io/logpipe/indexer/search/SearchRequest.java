package io.logpipe.indexer.search;

/**
 * One search, read and bounded.
 *
 * @param tenant whose data streams are searched, and the only {@code organization.id}
 * matched
 * @param query a Lucene query string ({@code message} by default, or {@code field:value}
 * on ECS fields), or {@code null} for every document
 * @param filter the explicit filters
 * @param range the {@code @timestamp} range
 * @param size documents per page
 * @param cursor where the previous page ended, or {@code null} for the first page
 */
record SearchRequest(Tenant tenant, String query, LogFilter filter, TimeRange range, int size, SearchCursor cursor) {

}
