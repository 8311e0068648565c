package io.logpipe.ingest.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.logpipe.service.auth.ApiKeyProperties;
import io.logpipe.service.auth.ApiKeyRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Each protocol's credential convention, mapped onto the same API keys. */
class ApiKeyAuthenticatorTests {

	// SHA-256 of "app-key"
	private static final String APP_KEY_SHA256 = "2924a27d7fc715372a952b03583ae5f1221556bcdabbf2a57ff5de577efe11c1";

	private static final List<CredentialScheme> ALL = List.of(CredentialScheme.values());

	private final ApiKeyAuthenticator authenticator = new ApiKeyAuthenticator(new ApiKeyRegistry(
			new ApiKeyProperties(List.of(new ApiKeyProperties.Key(APP_KEY_SHA256, "acme", null, null)))));

	@Test
	void findsTheTenantOfTheKeyInEveryScheme() {
		assertThat(tenant("Bearer app-key")).isEqualTo("acme");
		assertThat(tenant("bearer app-key")).isEqualTo("acme");
		assertThat(tenant("ApiKey app-key")).isEqualTo("acme");
		assertThat(tenant("Splunk app-key")).isEqualTo("acme");
		assertThat(tenant("Basic " + base64("filebeat:app-key"))).isEqualTo("acme");
	}

	@Test
	void readsTheKeyOfAnElasticsearchIdAndKeyPairAndIgnoresTheId() {
		// Filebeat and Logstash send api_key "id:key" as ApiKey base64(id:key).
		assertThat(tenant("ApiKey " + base64("any-id:app-key"))).isEqualTo("acme");
	}

	@Test
	void acceptsOnlyTheSchemesTheEndpointNames() {
		assertThatExceptionOfType(CredentialsRejectedException.class)
			.isThrownBy(() -> this.authenticator.authenticate("Splunk app-key", List.of(CredentialScheme.BEARER)))
			.satisfies(
					(ex) -> assertThat(ex.reason()).isEqualTo(CredentialsRejectedException.Reason.UNSUPPORTED_SCHEME))
			.withMessage("a valid API key is required: Authorization: Bearer <key>");
	}

	@Test
	void tellsAMissingHeaderAnUnknownKeyAndAnEmptyCredentialApart() {
		assertThat(reason(null)).isEqualTo(CredentialsRejectedException.Reason.MISSING);
		assertThat(reason("  ")).isEqualTo(CredentialsRejectedException.Reason.MISSING);
		assertThat(reason("Splunk wrong-key")).isEqualTo(CredentialsRejectedException.Reason.UNKNOWN_KEY);
		assertThat(reason("ApiKey " + base64("id:wrong-key")))
			.isEqualTo(CredentialsRejectedException.Reason.UNKNOWN_KEY);
		assertThat(reason("Basic " + base64("user-only")))
			.isEqualTo(CredentialsRejectedException.Reason.UNSUPPORTED_SCHEME);
		assertThat(reason("Basic %%%")).isEqualTo(CredentialsRejectedException.Reason.UNSUPPORTED_SCHEME);
		assertThat(reason("Bearer")).isEqualTo(CredentialsRejectedException.Reason.UNSUPPORTED_SCHEME);
		assertThat(reason("Negotiate abc")).isEqualTo(CredentialsRejectedException.Reason.UNSUPPORTED_SCHEME);
	}

	@Test
	void neverTakesTheUserNameOfBasicForTheKey() {
		assertThat(reason("Basic " + base64("app-key:")))
			.isEqualTo(CredentialsRejectedException.Reason.UNSUPPORTED_SCHEME);
		assertThat(reason("Basic " + base64("app-key:other")))
			.isEqualTo(CredentialsRejectedException.Reason.UNKNOWN_KEY);
	}

	private String tenant(String header) {
		return this.authenticator.authenticate(header, ALL).tenant();
	}

	private CredentialsRejectedException.Reason reason(String header) {
		try {
			this.authenticator.authenticate(header, ALL);
		}
		catch (CredentialsRejectedException ex) {
			return ex.reason();
		}
		throw new AssertionError("authenticated " + header);
	}

	private static String base64(String text) {
		return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

}
