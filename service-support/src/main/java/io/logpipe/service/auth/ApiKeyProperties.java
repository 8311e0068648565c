package io.logpipe.service.auth;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import io.logpipe.common.event.Category;

/**
 * The API keys of the tenants, configured once under {@code logpipe.auth} and read by
 * every service that answers them: ingest-api (writes) and indexer-service (search and
 * tail). Only their SHA-256 hashes are configured, so a leaked configuration does not
 * leak a credential. Several keys may name the same tenant, which is how a key is rotated
 * without downtime.
 *
 * @param keys the accepted keys
 */
@Validated
@ConfigurationProperties("logpipe.auth")
public record ApiKeyProperties(@Valid List<Key> keys) {

	public ApiKeyProperties {
		keys = (keys != null) ? keys : List.of();
	}

	/**
	 * @param sha256 lower-case hex SHA-256 of the key
	 * @param tenant the tenant whose data the key writes and reads
	 * @param categories the categories the key may write (ingest-api); all when empty
	 * @param rateLimit how many requests the key may send to ingest-api, or {@code null}
	 * for no limit
	 */
	public record Key(@NotBlank @Pattern(regexp = "[0-9a-fA-F]{64}", message = "must be 64 hex digits") String sha256,
			@NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_.-]{0,63}",
					message = "must be 1 to 64 letters, digits, '_', '.' or '-'") String tenant,
			Set<Category> categories, @Valid RateLimit rateLimit) {

		public Key {
			categories = (categories == null || categories.isEmpty()) ? Set.of(Category.values())
					: Set.copyOf(categories);
		}

	}

	/**
	 * A token bucket: {@code requests} tokens, refilled continuously at {@code requests}
	 * per {@code period}; each request takes one.
	 *
	 * @param requests the bucket's size: the burst a key may send at once
	 * @param period how long the bucket takes to refill completely
	 */
	public record RateLimit(@Min(1) long requests, @NotNull @DefaultValue("1s") Duration period) {

	}

}
