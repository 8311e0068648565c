package io.logpipe.parser.parse.format;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.logpipe.common.codec.EventCodec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FormatsTests {

	private static final Duration BUDGET = Duration.ofMillis(100);

	private final List<String> timeouts = new ArrayList<>();

	private final Formats formats = formats(Map.of());

	private Formats formats(Map<String, String> custom) {
		GrokLibrary grok = new GrokLibrary(Map.of("ORDER_ID", "ORD-[0-9]{6}"), BUDGET);
		return new Formats(new EventCodec().mapper(), grok, new LinkedHashMap<>(custom), BUDGET, this.timeouts::add);
	}

	@Test
	void detectsJson() {
		Extracted extracted = this.formats.read("{\"msg\":\"hi\",\"level\":\"info\",\"n\":1}", null);

		assertThat(extracted.format()).isEqualTo("json");
		assertThat(extracted.fields()).containsEntry("message", "hi").containsEntry("n", 1).doesNotContainKey("msg");
	}

	@Test
	void readsBrokenJsonAsPlainText() {
		assertThat(this.formats.read("{\"msg\": oops}", null).format()).isEqualTo("plain");
	}

	@Test
	void detectsLogfmtWithQuotedValues() {
		Extracted extracted = this.formats.read("level=warn msg=\"disk \\\"sda\\\" full\" used=93", null);

		assertThat(extracted.format()).isEqualTo("logfmt");
		assertThat(extracted.fields()).containsEntry("level", "warn")
			.containsEntry("message", "disk \"sda\" full")
			.containsEntry("used", "93");
	}

	@Test
	void readsProseWithOneEqualsSignAsPlainText() {
		assertThat(this.formats.read("retrying because x=1", null).format()).isEqualTo("plain");
		assertThat(this.formats.read("a=1", null).format()).isEqualTo("plain");
	}

	@Test
	void detectsRfc5424WithEscapedStructuredData() {
		Extracted extracted = this.formats
			.read("<14>1 2026-11-21T09:59:58Z h app 12 - [meta x=\"a\\]b\"][other y=\"2\"] \uFEFFhello", null);

		assertThat(extracted.format()).isEqualTo("rfc5424");
		assertThat(extracted.fields()).containsEntry("message", "hello")
			.containsEntry("host.name", "h")
			.containsEntry("process.pid", "12")
			.containsEntry("level", "info");
		@SuppressWarnings("unchecked")
		Map<String, Object> syslog = (Map<String, Object>) extracted.fields().get("log.syslog");
		assertThat(syslog).containsEntry("structured_data",
				Map.of("meta", Map.of("x", "a]b"), "other", Map.of("y", "2")));
	}

	@Test
	void detectsRfc3164WithAndWithoutPriority() {
		assertThat(this.formats.read("<13>Nov  1 09:59:58 host cron[12]: job done", null).fields())
			.containsEntry("timestamp", "Nov  1 09:59:58")
			.containsEntry("process.name", "cron")
			.containsEntry("level", "notice")
			.containsEntry("message", "job done");
		assertThat(this.formats.read("Nov 21 09:59:58 host kernel: oops", null).format()).isEqualTo("rfc3164");
	}

	@Test
	void detectsAccessLogs() {
		Extracted extracted = this.formats
			.read("10.0.0.1 - - [21/Nov/2026:09:59:58 +0000] \"GET /x HTTP/1.1\" 500 12 \"-\" \"curl/8\"", null);

		assertThat(extracted.format()).isEqualTo("access");
		assertThat(extracted.fields()).containsEntry("source.ip", "10.0.0.1")
			.containsEntry("http.response.status_code", 500)
			.containsEntry("level", "ERROR")
			.containsEntry("user_agent.original", "curl/8")
			.doesNotContainKey("http.request.referrer");
	}

	@Test
	void fallsBackToPlainTextWithALeadingTimestampAndLevel() {
		Extracted extracted = this.formats.read("[2026-11-21T09:59:58.1Z] WARN low memory", null);

		assertThat(extracted.format()).isEqualTo("plain");
		assertThat(extracted.fields()).containsEntry("timestamp", "2026-11-21T09:59:58.1Z")
			.containsEntry("level", "WARN")
			.containsEntry("message", "[2026-11-21T09:59:58.1Z] WARN low memory");
	}

	@Test
	void takesTheHintAndItsAliases() {
		assertThat(this.formats.read("a=1 b=2", "kv").format()).isEqualTo("logfmt");
		assertThat(this.formats.read("Nov 21 09:59:58 host app: x", "syslog").format()).isEqualTo("rfc3164");
		assertThat(this.formats.read("{\"a\":1}", "plain").format()).isEqualTo("plain");
		assertThat(this.formats.read("{\"a\":1}", "auto").format()).isEqualTo("json");
	}

	@Test
	void failsWhenTheHintedFormatDoesNotMatch() {
		assertThatExceptionOfType(FormatMismatchException.class).isThrownBy(() -> this.formats.read("hello", "json"))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo("format-mismatch"));
	}

	@Test
	void failsOnAnUnknownHint() {
		assertThatExceptionOfType(FormatMismatchException.class).isThrownBy(() -> this.formats.read("hello", "xml"))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo("unknown-format"));
	}

	@Test
	void readsCustomGrokFormatsFirstWithConfiguredPatterns() {
		Formats custom = formats(Map.of("orders", "^%{ORDER_ID:order} %{LOGLEVEL:level} %{GREEDYDATA:message}$"));

		Extracted extracted = custom.read("ORD-123456 ERROR payment failed", null);

		assertThat(extracted.format()).isEqualTo("orders");
		assertThat(extracted.fields()).containsEntry("order", "ORD-123456")
			.containsEntry("level", "ERROR")
			.containsEntry("message", "payment failed");
	}

	@Test
	void stopsACatastrophicPatternAtItsBudget() {
		// A back-reference defeats the JDK's memoization of loops: exponential
		// backtracking.
		Formats custom = formats(Map.of("evil", "^(\\d+)*\\1x$"));
		String line = "1".repeat(40);

		assertThat(custom.read(line, null).format()).isEqualTo("plain");
		assertThat(this.timeouts).containsExactly("evil");
		assertThatExceptionOfType(FormatMismatchException.class).isThrownBy(() -> custom.read(line, "evil"))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo("pattern-timeout"));
	}

	@Test
	void refusesAGrokExpressionWithAnUnknownPattern() {
		assertThatIllegalArgumentException().isThrownBy(() -> formats(Map.of("bad", "%{NO_SUCH_PATTERN:x}")));
	}

}
