package io.logpipe.indexer.index;

import java.io.IOException;
import java.util.Set;

/**
 * The names of the {@code logs-*} data streams a tenant already has, the overflow stream
 * left out: what {@link ServiceStreams} counts against the bound.
 */
@FunctionalInterface
interface TenantDataStreams {

	/**
	 * @throws IOException when Elasticsearch could not be asked or did not answer
	 */
	Set<String> serviceStreams(String tenant) throws IOException;

}
