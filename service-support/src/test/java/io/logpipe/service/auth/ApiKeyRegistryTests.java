package io.logpipe.service.auth;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.logpipe.common.event.Category;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ApiKeyRegistryTests {

	// SHA-256 of "app-key" and "other-key"
	private static final String APP_KEY_SHA256 = "2924a27d7fc715372a952b03583ae5f1221556bcdabbf2a57ff5de577efe11c1";

	private static final String OTHER_KEY_SHA256 = "580843d03d2216ff1a275d0991bad66e4d1af871171d929e9de604b7959f9bca";

	private final ApiKeyRegistry registry = new ApiKeyRegistry(new ApiKeyProperties(
			List.of(new ApiKeyProperties.Key(APP_KEY_SHA256.toUpperCase(), "acme", Set.of(Category.APP), null),
					new ApiKeyProperties.Key(OTHER_KEY_SHA256, "globex", null, null))));

	@Test
	void findsTheTenantOfAKnownKeyConfiguredInAnyHexCase() {
		assertThat(this.registry.authenticate("app-key"))
			.contains(new ApiKey(APP_KEY_SHA256, "acme", Set.of(Category.APP)));
	}

	@Test
	void aKeyWithoutCategoriesMayWriteAll() {
		assertThat(this.registry.authenticate("other-key")).map(ApiKey::categories).contains(Set.of(Category.values()));
	}

	@Test
	void rejectsAnUnknownAnEmptyAndAMissingKey() {
		assertThat(this.registry.authenticate("app-key ")).isEmpty();
		assertThat(this.registry.authenticate("")).isEmpty();
		assertThat(this.registry.authenticate(null)).isEmpty();
	}

	@Test
	void anEmptyKeyNeverMatchesEvenWhenItsHashIsConfigured() {
		String emptySha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
		ApiKeyRegistry withEmpty = new ApiKeyRegistry(
				new ApiKeyProperties(List.of(new ApiKeyProperties.Key(emptySha256, "acme", null, null))));

		assertThat(withEmpty.authenticate("")).isEmpty();
	}

	@Test
	void refusesTwoKeysWithTheSameHashWhateverTheirHexCase() {
		ApiKeyProperties twice = new ApiKeyProperties(
				List.of(new ApiKeyProperties.Key(APP_KEY_SHA256, "acme", null, null),
						new ApiKeyProperties.Key(OTHER_KEY_SHA256, "acme", null, null),
						new ApiKeyProperties.Key(APP_KEY_SHA256.toUpperCase(), "globex", null, null)));

		assertThatIllegalArgumentException().isThrownBy(() -> new ApiKeyRegistry(twice))
			.withMessage("logpipe.auth.keys[0] and logpipe.auth.keys[2] have the same sha256 (" + APP_KEY_SHA256
					+ "): configure each key once, with one tenant");
	}

}
