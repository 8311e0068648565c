package io.logpipe.service.auth;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.logpipe.common.id.Sha256;

/**
 * The tenants' API keys, configured once ({@code logpipe.auth.keys}) for every service
 * that answers them. A service extracts the key from its request (a bearer token, or a
 * shipper's own scheme) and asks {@link #authenticate}.
 *
 * <p>
 * The presented key is hashed and compared with every configured hash in constant time,
 * without stopping at a match, so neither a missing, an unknown nor a known key can be
 * told apart by timing. The key itself is never stored or logged. Immutable, thread-safe.
 */
public class ApiKeyRegistry {

	private static final Logger logger = LoggerFactory.getLogger(ApiKeyRegistry.class);

	private final List<Entry> entries = new ArrayList<>();

	/**
	 * @throws IllegalArgumentException when two keys have the same hash: one key would
	 * then belong to two tenants (or carry two sets of rights), and which one a request
	 * got would depend on the order of the configuration
	 */
	public ApiKeyRegistry(ApiKeyProperties properties) {
		Map<String, Integer> firstIndexByHash = new HashMap<>();
		for (int i = 0; i < properties.keys().size(); i++) {
			ApiKeyProperties.Key key = properties.keys().get(i);
			String hash = key.sha256().toLowerCase(Locale.ROOT);
			Integer first = firstIndexByHash.putIfAbsent(hash, i);
			if (first != null) {
				throw new IllegalArgumentException(
						"logpipe.auth.keys[%d] and logpipe.auth.keys[%d] have the same sha256 (%s): configure each key once, with one tenant"
							.formatted(first, i, hash));
			}
			this.entries
				.add(new Entry(HexFormat.of().parseHex(hash), new ApiKey(hash, key.tenant(), key.categories())));
		}
		if (this.entries.isEmpty()) {
			logger.warn("No API keys are configured (logpipe.auth.keys): every request with a key will get 401");
		}
	}

	/**
	 * The configured key {@code presentedKey} is, if any; an empty or {@code null} key is
	 * never one.
	 */
	public Optional<ApiKey> authenticate(String presentedKey) {
		String key = (presentedKey != null) ? presentedKey : "";
		byte[] hash = Sha256.digest(key);
		ApiKey found = null;
		for (Entry entry : this.entries) {
			// Every entry is compared, so the time does not tell where (or whether) it
			// matched.
			if (MessageDigest.isEqual(hash, entry.sha256()) && found == null) {
				found = entry.key();
			}
		}
		return key.isEmpty() ? Optional.empty() : Optional.ofNullable(found);
	}

	private record Entry(byte[] sha256, ApiKey key) {
	}

}
