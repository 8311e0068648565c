package io.logpipe.ingest.event;

import io.logpipe.common.event.Category;
import io.logpipe.ingest.auth.AuthenticatedClient;
import io.logpipe.ingest.problem.ProblemType;
import io.logpipe.service.problem.ProblemException;

/**
 * A category a client asked for, by header, query parameter or event field: it must be
 * one logpipe knows and one the client's key may write.
 */
public final class RequestedCategory {

	private RequestedCategory() {
	}

	/**
	 * @throws ProblemException {@link ProblemType#INVALID_CATEGORY} for an unknown name,
	 * {@link ProblemType#CATEGORY_FORBIDDEN} when the key may not write it
	 */
	public static Category of(AuthenticatedClient client, String name) {
		Category category = Category.parse(name)
			.orElseThrow(() -> new ProblemException(ProblemType.INVALID_CATEGORY,
					"category '" + name + "' is not one of app, system, security"));
		if (!client.mayWrite(category)) {
			throw new ProblemException(ProblemType.CATEGORY_FORBIDDEN,
					"this API key may not write category '" + category.wireName() + "'");
		}
		return category;
	}

}
