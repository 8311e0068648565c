package io.logpipe.ingest.event;

import java.util.Map;
import java.util.Optional;

import io.logpipe.common.event.Category;
import io.logpipe.service.problem.ProblemException;

/**
 * Chooses an event's category: the event's own category field, else the request's, else
 * the first routing rule that matches, else app. The key must be allowed to write a
 * category the client asked for; a category the operator's rules chose is not the
 * client's to refuse.
 */
final class CategoryResolver {

	private final CategoryRouter router;

	CategoryResolver(CategoryRouter router) {
		this.router = router;
	}

	/**
	 * @throws ProblemException as {@link RequestedCategory#of} does for the event's own
	 * field
	 */
	Category resolve(Map<String, Object> event, String service, String message, RequestContext context) {
		Optional<String> named = EventFields.text(event, "category");
		if (named.isPresent()) {
			return RequestedCategory.of(context.client(), named.get());
		}
		if (context.defaultCategory() != null) {
			// Already checked against the key when the request was read.
			return context.defaultCategory();
		}
		return this.router.route(service, message).orElse(Category.APP);
	}

}
