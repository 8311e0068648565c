package io.logpipe.parser.parse.enrich;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import ua_parser.Client;
import ua_parser.Parser;

import io.logpipe.common.event.LogDocument;

/**
 * ECS {@code user_agent.*} from a User-Agent header, with uap-java (the ua-parser
 * project's regexes). Loading the regexes takes a while, so one instance is shared; it is
 * thread-safe. Access logs repeat a few agents over and over, so results are cached, up
 * to a bound after which the cache is simply cleared.
 */
public final class UserAgentParser {

	private static final int CACHE_LIMIT = 10_000;

	private static final String OTHER = "Other";

	private final Parser parser = new Parser();

	private final Map<String, LogDocument.UserAgent> cache = new ConcurrentHashMap<>();

	public LogDocument.UserAgent parse(String original) {
		LogDocument.UserAgent cached = this.cache.get(original);
		if (cached != null) {
			return cached;
		}
		if (this.cache.size() >= CACHE_LIMIT) {
			this.cache.clear();
		}
		LogDocument.UserAgent parsed = uncached(original);
		this.cache.put(original, parsed);
		return parsed;
	}

	private LogDocument.UserAgent uncached(String original) {
		Client client = this.parser.parse(original);
		String name = known(client.userAgent.family);
		String version = (name != null)
				? version(client.userAgent.major, client.userAgent.minor, client.userAgent.patch) : null;
		String osName = known(client.os.family);
		LogDocument.UserAgent.Os os = (osName != null)
				? new LogDocument.UserAgent.Os(osName, version(client.os.major, client.os.minor, client.os.patch))
				: null;
		String device = known(client.device.family);
		return new LogDocument.UserAgent(original, name, version, os,
				(device != null) ? new LogDocument.UserAgent.Device(device) : null);
	}

	private static String known(String family) {
		return (family == null || OTHER.equals(family)) ? null : family;
	}

	private static String version(String major, String minor, String patch) {
		if (major == null) {
			return null;
		}
		StringBuilder version = new StringBuilder(major);
		if (minor != null) {
			version.append('.').append(minor);
			if (patch != null) {
				version.append('.').append(patch);
			}
		}
		return version.toString();
	}

}
