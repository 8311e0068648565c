package io.logpipe.indexer.search;

import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.logpipe.service.problem.ProblemResponses;

/**
 * Search and tail failures as problem details (the suite's {@link ProblemResponses}),
 * scoped to the read side's controllers so that the rest of the indexer keeps Spring's
 * defaults.
 */
@RestControllerAdvice(basePackages = { "io.logpipe.indexer.search", "io.logpipe.indexer.tail" })
class SearchProblemResponses extends ProblemResponses {

}
