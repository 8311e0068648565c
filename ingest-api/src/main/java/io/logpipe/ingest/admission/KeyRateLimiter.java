package io.logpipe.ingest.admission;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import org.springframework.stereotype.Component;

import io.logpipe.ingest.auth.AuthenticatedClient;
import io.logpipe.ingest.problem.ProblemType;
import io.logpipe.service.auth.ApiKeyProperties;
import io.logpipe.service.problem.ProblemException;

/**
 * Per-key token buckets (Bucket4j, in memory: each replica limits on its own, so the
 * effective limit of a key is the configured one times the replicas behind the load
 * balancer). Keys without a {@code rate-limit} are not limited.
 *
 * <p>
 * Thread-safe: Bucket4j's local buckets are lock-free.
 */
@Component
public class KeyRateLimiter {

	private final Map<String, Limited> buckets = new HashMap<>();

	public KeyRateLimiter(ApiKeyProperties properties) {
		for (ApiKeyProperties.Key key : properties.keys()) {
			ApiKeyProperties.RateLimit limit = key.rateLimit();
			if (limit != null) {
				Bucket bucket = Bucket.builder()
					.addLimit(Bandwidth.builder()
						.capacity(limit.requests())
						.refillGreedy(limit.requests(), limit.period())
						.build())
					.build();
				this.buckets.put(key.sha256().toLowerCase(Locale.ROOT), new Limited(bucket, limit.requests()));
			}
		}
	}

	/**
	 * Takes one request from the key's bucket.
	 * @return the {@code RateLimit-*} headers to answer with (empty when the key has no
	 * limit)
	 * @throws ProblemException {@link ProblemType#RATE_LIMITED} when the bucket is empty
	 */
	public Map<String, String> consume(AuthenticatedClient client) {
		Limited limited = this.buckets.get(client.keySha256());
		if (limited == null) {
			return Map.of();
		}
		ConsumptionProbe probe = limited.bucket().tryConsumeAndReturnRemaining(1);
		Map<String, String> headers = new LinkedHashMap<>();
		// draft-ietf-httpapi-ratelimit-headers (the widely implemented -03 shape).
		headers.put("RateLimit-Limit", Long.toString(limited.requests()));
		headers.put("RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
		headers.put("RateLimit-Reset", Long.toString(seconds(probe.getNanosToWaitForReset())));
		if (!probe.isConsumed()) {
			long retryAfter = Math.max(1, seconds(probe.getNanosToWaitForRefill()));
			throw new ProblemException(ProblemType.RATE_LIMITED, "this API key may send " + limited.requests()
					+ " requests per refill period; retry after " + retryAfter + " s")
				.withRetryAfter(retryAfter)
				.withHeaders(headers);
		}
		return headers;
	}

	private static long seconds(long nanos) {
		return (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1);
	}

	private record Limited(Bucket bucket, long requests) {
	}

}
