package io.logpipe.ingest.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * How a client puts its API key into {@code Authorization}. The native API takes only
 * {@link #BEARER}; each shipper protocol accepts the schemes its clients send, so that a
 * user changes nothing but the URL and the key.
 */
public enum CredentialScheme {

	/**
	 * {@code Bearer <key>}: the native API, OTLP exporters, Vector's {@code bearer} auth.
	 */
	BEARER("Bearer"),

	/**
	 * {@code ApiKey <key>}, or {@code ApiKey base64(id:key)} as Filebeat, Logstash and
	 * the Elasticsearch clients encode an {@code id:key} setting: the id is ignored.
	 */
	API_KEY("ApiKey"),

	/** {@code Basic base64(user:key)}: the key as password, any user name. */
	BASIC("Basic"),

	/** {@code Splunk <key>}: Splunk HTTP Event Collector clients. */
	SPLUNK("Splunk");

	private final String prefix;

	CredentialScheme(String prefix) {
		this.prefix = prefix;
	}

	/** The scheme's name as it starts the header, e.g. {@code ApiKey}. */
	public String prefix() {
		return this.prefix;
	}

	/** Whether the header uses this scheme (case-insensitive, as RFC 9110 says). */
	boolean matches(String authorization) {
		return authorization.length() > this.prefix.length()
				&& authorization.regionMatches(true, 0, this.prefix, 0, this.prefix.length())
				&& authorization.charAt(this.prefix.length()) == ' ';
	}

	/**
	 * The keys the header's credentials may stand for, most likely first; empty when they
	 * hold none.
	 */
	List<String> candidateKeys(String authorization) {
		String credentials = authorization.substring(this.prefix.length()).strip();
		if (credentials.isEmpty()) {
			return List.of();
		}
		return switch (this) {
			case BEARER, SPLUNK -> List.of(credentials);
			case API_KEY ->
				afterColon(decoded(credentials)).map((key) -> List.of(credentials, key)).orElse(List.of(credentials));
			case BASIC -> afterColon(decoded(credentials)).map(List::of).orElse(List.of());
		};
	}

	private static String decoded(String base64) {
		try {
			return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return "";
		}
	}

	private static java.util.Optional<String> afterColon(String pair) {
		int colon = pair.indexOf(':');
		return (colon >= 0 && colon < pair.length() - 1) ? java.util.Optional.of(pair.substring(colon + 1))
				: java.util.Optional.empty();
	}

}
