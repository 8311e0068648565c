package io.logpipe.testsupport;

import java.net.URI;

/**
 * A real Elasticsearch node shared by every test in the JVM, with security disabled. Get
 * it from {@link TestServers#elasticsearch()}; it is started on first use and stopped
 * when the JVM exits.
 */
public interface ElasticsearchServer {

	/**
	 * The HTTP address of the node, for example {@code http://127.0.0.1:41234}.
	 * @return the base URI, without a trailing slash
	 */
	URI uri();

}
