package io.logpipe.parser.redact;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cheap test of each built-in rule ({@link RedactionRule#mayMatch}) against its
 * pattern: it must let through every text the pattern finds something in (else a secret
 * would be missed), and rule out ordinary log lines (else it saves nothing).
 */
class BuiltInRedactionsTests {

	private static final Map<String, RedactionRule> RULES = BuiltInRedactions.all(Duration.ofSeconds(1));

	@ParameterizedTest
	@ValueSource(strings = { "Authorization: BEARER abcdefgh12345", "bEaReR\tabcdefghijkl",
			"jwt=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig", "id AKIAIOSFODNN7EXAMPLE", "ASIAIOSFODNN7EXAMPLE",
			"PassWord=hunter2", "PWD: x", "client_SECRET=\"abc\"", "Api-Key: xyz", "REFRESH_TOKEN=t",
			"aws_secret_access_key=abc", "mail JANE@EXAMPLE.ORG", "x a@b.io", "card 4111 1111 1111 1111",
			"5500-0000-0000-0004", "4111111111111111" })
	void everyTextAPatternFindsSomethingInPassesItsCheapTest(String text) {
		List<String> found = RULES.values()
			.stream()
			.filter((rule) -> rule.pattern().matcher(text).find())
			.map(RedactionRule::name)
			.toList();

		assertThat(found).as("a built-in pattern finds something in '%s'", text).isNotEmpty();
		for (String name : found) {
			assertThat(RULES.get(name).mayMatch().test(text)).as("%s's cheap test on '%s'", name, text).isTrue();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "GET /api/v1/orders/42 200 in 12 ms", "user 1842 logged in from 10.0.0.7",
			"payment authorized order=981273 amount=12.50 EUR", "2026-11-21T10:00:00Z worker-3 heartbeat ok" })
	void ordinaryLinesAreRuledOutWithoutRunningAnyPattern(String text) {
		assertThat(RULES.values()).allSatisfy((rule) -> assertThat(rule.mayMatch().test(text)).isFalse());
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "4111111111111", "4111 1111 1111 1", "4-1-1-1-1-1-1-1-1-1-1-1-1", "x 4111-1111-1111-1111 y" })
	void aDigitRunIsCountedAcrossSingleSpacesAndDashes(String text) {
		assertThat(TextScan.hasDigitRun(text, 13)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "411111111111", "4111  1111 1111 1", "4111--1111-1111-1", "2026-11-21T10:00:00.123Z" })
	void aDigitRunEndsAtAnythingElse(String text) {
		assertThat(TextScan.hasDigitRun(text, 13)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Bearer", "bearer", "xBEARERx", "beaRER" })
	void containsIgnoreCaseFoldsAsciiCase(String text) {
		assertThat(TextScan.containsIgnoreCase(text, "bearer")).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "beare", "b e a r e r", "bearër" })
	void containsIgnoreCaseNeedsTheWholeNeedle(String text) {
		assertThat(TextScan.containsIgnoreCase(text, "bearer")).isFalse();
	}

}
