package io.logpipe.parser.redact;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.logpipe.common.event.LogDocument;
import io.logpipe.parser.parse.ParseTags;
import io.logpipe.parser.parse.format.BudgetedPattern;

import static org.assertj.core.api.Assertions.assertThat;

class RedactorTests {

	private final List<String> counted = new ArrayList<>();

	private final Redactor redactor = new Redactor(
			new ArrayList<>(BuiltInRedactions.all(Duration.ofMillis(200)).values()), true, this.counted::add);

	private String redact(String text) {
		return this.redactor.text(text, this.counted::add);
	}

	@Test
	void redactsEmailAddresses() {
		assertThat(redact("mail jane.doe+x@mail.example.co.uk now")).isEqualTo("mail [REDACTED:email] now");
		assertThat(this.counted).containsExactly("email");
	}

	@Test
	void redactsCardNumbersThatPassTheLuhnCheckOnly() {
		assertThat(redact("card 4111-1111-1111-1111 ok")).isEqualTo("card [REDACTED:card] ok");
		assertThat(redact("card 5500 0000 0000 0004")).isEqualTo("card [REDACTED:card]");
		assertThat(redact("order 4111111111111112 ok")).isEqualTo("order 4111111111111112 ok");
		assertThat(redact("ts 1795255198124")).isEqualTo("ts 1795255198124");
	}

	@Test
	void redactsBearerTokensAndJwts() {
		String jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";
		assertThat(redact("Authorization: Bearer " + jwt)).isEqualTo("Authorization: Bearer [REDACTED:bearer]");
		assertThat(redact("token " + jwt + " seen")).isEqualTo("token [REDACTED:jwt] seen");
	}

	@Test
	void redactsAwsAccessKeys() {
		assertThat(redact("key=AKIAIOSFODNN7EXAMPLE,")).isEqualTo("key=[REDACTED:aws-access-key],");
	}

	@Test
	void redactsPasswordStylePairsAndKeepsTheKey() {
		assertThat(redact("login password=hunter2 user=bob")).isEqualTo("login password=[REDACTED:password] user=bob");
		assertThat(redact("{\"client_secret\": \"abc123\"}")).isEqualTo("{\"client_secret\": \"[REDACTED:password]\"}");
		assertThat(redact("API_KEY: xyz")).isEqualTo("API_KEY: [REDACTED:password]");
	}

	@Test
	void replacesFieldsNamedLikeSecretsWholeAndRedactsNestedStrings() {
		LogDocument document = document("hello",
				Map.of("password", 1234, "user", Map.of("email", "a@b.io", "tokens", List.of("Bearer abcdefghijkl"))));

		LogDocument redacted = this.redactor.redact(document);

		assertThat(redacted.attributes()).containsEntry("password", "[REDACTED:password]")
			.containsEntry("user", Map.of("email", "[REDACTED:email]", "tokens", List.of("Bearer [REDACTED:bearer]")));
		assertThat(redacted.tags()).containsExactly(ParseTags.REDACTED);
		assertThat(this.counted).containsExactlyInAnyOrder("password", "email", "bearer");
	}

	@Test
	void leavesACleanDocumentAsItIs() {
		LogDocument document = document("nothing secret here", Map.of("n", 1));

		assertThat(this.redactor.redact(document)).isSameAs(document);
		assertThat(this.counted).isEmpty();
	}

	@Test
	void redactsTheWholeValueWhenAPatternRunsOutOfTime() {
		RedactionRule evil = RedactionRule.replacing("evil",
				new BudgetedPattern(Pattern.compile("^(\\d+)*\\1x$"), Duration.ofMillis(20)), "x");
		Redactor redactor = new Redactor(List.of(evil), false, this.counted::add);

		assertThat(redactor.text("1".repeat(40), this.counted::add)).isEqualTo("[REDACTED:evil:timeout]");
	}

	private static LogDocument document(String message, Map<String, Object> attributes) {
		return LogDocument.builder()
			.timestamp(Instant.parse("2026-11-21T10:00:00Z"))
			.message(message)
			.attributes(attributes)
			.build();
	}

}
