package io.logpipe.parser.parse.format;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.logpipe.common.codec.EventCodec;
import io.logpipe.testsupport.fuzz.Fuzz;
import io.logpipe.testsupport.fuzz.Inputs;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every format on generated messages, by hint and by detection: mutations of lines in
 * each format and noise. A format reads the line or answers the parser's own failure
 * ({@link FormatMismatchException}), and a pattern stops at its time budget, so one line
 * never takes much longer than the budget of each format that tries it.
 */
class FormatsFuzzTests {

	private static final Duration PATTERN_BUDGET = Duration.ofMillis(100);

	/** Every format in turn may spend its pattern budget on one line. */
	private static final Duration LINE_BUDGET = Duration.ofSeconds(3);

	private static final List<String> LINES = List.of("{\"msg\":\"hi\",\"level\":\"info\",\"n\":[1,{\"a\":null}]}",
			"<165>1 2026-12-01T10:00:00.123Z web-1 app 1234 ID47 [x@1 a=\"b\\\"c\" d=\"e\"][y@2] message here",
			"<34>Dec  1 10:00:00 web-1 su[123]: 'su root' failed for lonvick on /dev/pts/8",
			"10.0.0.7 - frank [01/Dec/2026:10:59:58 +0100] \"GET /a?b=c HTTP/1.1\" 200 2 \"-\" \"Mozilla/5.0\"",
			"level=warn msg=\"disk \\\"sda\\\" full\" used=93 ts=2026-12-01T10:00:00Z",
			"10.0.0.1:443 [01/Dec/2026:10:00:00.000] GET / 200",
			"2026-12-01 10:00:00,123 ERROR [main] c.e.App - failed\njava.lang.IllegalStateException: x\n\tat a.b(C.java:1)");

	private final List<String> timeouts = new ArrayList<>();

	private final Formats formats = new Formats(new EventCodec().mapper(),
			new GrokLibrary(Map.of("ORDER_ID", "ORD-[0-9]{6}"), PATTERN_BUDGET),
			new LinkedHashMap<>(Map.of("haproxy_lite",
					"^%{IP:source.ip}:%{INT:source.port} \\[%{NOTSPACE:timestamp}\\] %{GREEDYDATA:message}")),
			PATTERN_BUDGET, this.timeouts::add);

	@ParameterizedTest(name = "hint: {0}")
	@ValueSource(strings = { "", "json", "rfc5424", "rfc3164", "syslog", "access", "logfmt", "plain", "haproxy_lite",
			"no-such-format" })
	void readsOrFailsOnAnyLine(String hint) {
		Fuzz.of("format " + hint, FormatsFuzzTests::line).tries(300).budget(LINE_BUDGET).check((line) -> {
			try {
				Extracted extracted = this.formats.read(line, hint.isEmpty() ? null : hint);
				assertThat(extracted.format()).isNotBlank();
				assertThat(extracted.fields()).isNotNull();
			}
			catch (FormatMismatchException ex) {
				assertThat(ex.reason()).isIn("unknown-format", "format-mismatch", "pattern-timeout");
			}
		});
	}

	private static String line(SplittableRandom random) {
		return switch (random.nextInt(4)) {
			case 0 -> Inputs.text(random, 40);
			case 1 -> Inputs.json(random, 4);
			default -> new String(Inputs.mutatedText(random, LINES), java.nio.charset.StandardCharsets.UTF_8);
		};
	}

}
