package io.logpipe.indexer.search;

import java.time.Clock;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/search}: a tenant's documents in a time range, newest first, with
 * counts per level and per interval. The tenant is the API key's ({@link Tenant}), never
 * a parameter.
 */
@RestController
class SearchController {

	private final LogSearch search;

	private final SearchProperties properties;

	private final Clock clock;

	SearchController(LogSearch search, SearchProperties properties, Clock clock) {
		this.search = search;
		this.properties = properties;
		this.clock = clock;
	}

	@GetMapping("/api/v1/search")
	SearchResult search(Tenant tenant, @RequestParam(name = "q", required = false) String query,
			@RequestParam(required = false) String service, @RequestParam(required = false) String level,
			@RequestParam(required = false) String host,
			@RequestParam(name = "trace_id", required = false) String traceId,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String size, @RequestParam(required = false) String cursor) {
		TimeRange range = TimeRange.of(from, to, this.clock.instant(), this.properties.defaultRange(),
				this.properties.maxRange());
		return this.search.search(new SearchRequest(tenant, query, LogFilter.of(service, level, host, traceId), range,
				size(size), (cursor == null || cursor.isBlank()) ? null : SearchCursor.decode(cursor)));
	}

	private int size(String size) {
		if (size == null || size.isBlank()) {
			return this.properties.defaultSize();
		}
		try {
			int value = Integer.parseInt(size.strip());
			if (value >= 1 && value <= this.properties.maxSize()) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// answered below
		}
		throw new SearchException(SearchProblem.INVALID_PARAMETER,
				"'size' is '" + size + "': expected 1 to " + this.properties.maxSize() + " (indexer.search.max-size)");
	}

}
