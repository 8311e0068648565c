package io.logpipe.parser.parse;

import io.logpipe.common.event.LogDocument;
import io.logpipe.parser.parse.enrich.UserAgentParser;

/**
 * ECS {@code http.*}, {@code url.*}, {@code source.ip} and {@code user_agent.*} from the
 * fields an access log (or an event that names them the ECS way) carries.
 */
final class HttpFields {

	private HttpFields() {
	}

	static void fill(LogDocument.Builder document, FieldBag bag, UserAgentParser userAgents) {
		String method = bag.takeText("http.request.method");
		String referrer = bag.takeText("http.request.referrer");
		Long status = bag.takeLong("http.response.status_code");
		Long bytes = bag.takeLong("http.response.body.bytes");
		String version = bag.takeText("http.version");
		if (method != null || referrer != null || status != null || bytes != null || version != null) {
			document.http(new LogDocument.Http(version,
					(method != null || referrer != null) ? new LogDocument.Http.Request(method, referrer) : null,
					(status != null || bytes != null)
							? new LogDocument.Http.Response((status != null) ? status.intValue() : null,
									(bytes != null) ? new LogDocument.Http.Body(bytes) : null)
							: null));
		}
		String url = bag.takeText("url.original");
		if (url != null) {
			document.url(url(url));
		}
		String ip = bag.takeText("source.ip");
		if (ip != null) {
			Long port = bag.takeLong("source.port");
			document.source(new LogDocument.Source(ip, (port != null) ? port.intValue() : null));
		}
		String agent = bag.takeText("user_agent.original");
		if (agent != null) {
			document.userAgent(userAgents.parse(agent));
		}
	}

	/** Splits a request target into domain (of an absolute URL), path and query. */
	static LogDocument.Url url(String original) {
		String rest = original;
		String domain = null;
		int scheme = rest.indexOf("://");
		if (scheme > 0 && rest.substring(0, scheme).chars().allMatch(Character::isLetter)) {
			int slash = rest.indexOf('/', scheme + 3);
			String authority = rest.substring(scheme + 3, (slash < 0) ? rest.length() : slash);
			int at = authority.lastIndexOf('@');
			authority = authority.substring(at + 1);
			int colon = authority.lastIndexOf(':');
			domain = (colon > 0 && !authority.endsWith("]")) ? authority.substring(0, colon) : authority;
			rest = (slash < 0) ? "/" : rest.substring(slash);
		}
		int hash = rest.indexOf('#');
		if (hash >= 0) {
			rest = rest.substring(0, hash);
		}
		int question = rest.indexOf('?');
		String path = (question < 0) ? rest : rest.substring(0, question);
		String query = (question < 0 || question == rest.length() - 1) ? null : rest.substring(question + 1);
		return new LogDocument.Url(original, path.isEmpty() ? null : path, query, domain);
	}

}
