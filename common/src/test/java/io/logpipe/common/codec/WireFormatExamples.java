package io.logpipe.common.codec;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import io.logpipe.common.event.Category;
import io.logpipe.common.event.LogDocument;
import io.logpipe.common.event.RawLogRecord;
import io.logpipe.common.event.Source;
import io.logpipe.common.event.TraceContext;
import io.logpipe.testsupport.fuzz.Inputs;
import tools.jackson.databind.json.JsonMapper;

/**
 * Raw records and documents for the wire-format tests: hand-picked edge cases, and random
 * ones drawn from a seeded source.
 */
final class WireFormatExamples {

	private static final String ESCAPES = "quote \" backslash \\ slash / tab \t newline \n nul \u0000 del \u007f "
			+ "line separator \u2028 e-acute \u00e9 cjk \u65e5\u672c emoji \ud83d\ude00";

	private static final Instant NANOS = Instant.parse("2026-11-21T10:15:30.123456789Z");

	private final JsonMapper mapper;

	WireFormatExamples(JsonMapper mapper) {
		this.mapper = mapper;
	}

	List<RawLogRecord> rawRecords() {
		Map<String, Object> nested = new LinkedHashMap<>();
		nested.put("level", "info");
		nested.put("null value", null);
		nested.put("number", 42);
		nested.put("big", 12345678901234L);
		nested.put("fraction", 0.25);
		nested.put("flag", true);
		nested.put("list", Arrays.asList(1, "two", null, Map.of("three", 3)));
		nested.put(ESCAPES, Map.of("deeper", List.of()));
		return List.of(
				new RawLogRecord(1, "id-1", "acme", Instant.parse("2026-11-21T10:15:30Z"), Category.APP, "native",
						new Source("checkout", "web-1", "prod", "10.0.0.1"), "user logged in", nested, "json",
						new TraceContext("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7")),
				new RawLogRecord(0, null, null, null, null, null, null, null, null, null, null),
				new RawLogRecord(-7, "", "", NANOS, Category.SECURITY, "", new Source(null, null, null, null), "",
						Map.of(), "", new TraceContext(null, null)),
				new RawLogRecord(Integer.MAX_VALUE, ESCAPES, ESCAPES, Instant.parse("2026-11-21T10:15:30.120Z"),
						Category.SYSTEM, ESCAPES, new Source(ESCAPES, "", null, "::1"), ESCAPES,
						Map.of(ESCAPES, ESCAPES), ESCAPES, new TraceContext("4bf92f3577b34da6a3ce929d0e0e4736", null)),
				new RawLogRecord(1, "id-2", "acme", Instant.parse("2026-11-21T10:15:30.000001Z"), Category.APP, "otlp",
						new Source("svc", null, null, null), null, Map.of("message", "not the message"), null),
				new RawLogRecord(1, "id-3", "acme", Instant.parse("+10000-01-01T00:00:00Z"), Category.APP, "native",
						new Source("svc", null, null, null), "far future", null, null));
	}

	List<LogDocument> documents() {
		Map<String, Object> syslog = new LinkedHashMap<>();
		syslog.put("facility", Map.of("code", 4, "name", "auth"));
		syslog.put("priority", 34);
		syslog.put("empty", null);
		Map<String, String> labels = new LinkedHashMap<>();
		labels.put("team", "payments");
		labels.put("null label", null);
		labels.put(ESCAPES, "");
		LogDocument full = LogDocument.builder()
			.timestamp(NANOS)
			.message(ESCAPES)
			.event(new LogDocument.Event("id-1", Instant.parse("2026-11-21T10:15:31Z"), NANOS, "checkout", "original"))
			.log(new LogDocument.Log("WARN", "com.example.Cart", syslog))
			.service(new LogDocument.Service("checkout", "prod", "1.2.3"))
			.host(new LogDocument.Host("web-1"))
			.organization(new LogDocument.Organization("acme"))
			.labels(labels)
			.tags(Arrays.asList("a", LogDocument.TAG_PARSE_FAILURE, null, ""))
			.error(new LogDocument.ErrorInfo("java.lang.IllegalStateException", "boom", "at x\n\tat y"))
			.http(new LogDocument.Http("1.1", new LogDocument.Http.Request("GET", "https://example.com/"),
					new LogDocument.Http.Response(200, new LogDocument.Http.Body(5120L))))
			.url(new LogDocument.Url("/cart?id=1", "/cart", "id=1", "example.com"))
			.userAgent(new LogDocument.UserAgent("curl/8.0", "curl", "8.0", new LogDocument.UserAgent.Os("Linux", "6"),
					new LogDocument.UserAgent.Device("Other")))
			.source(new LogDocument.Source("10.0.0.1", 54321))
			.trace(new LogDocument.Trace("4bf92f3577b34da6a3ce929d0e0e4736"))
			.span(new LogDocument.Span("00f067aa0ba902b7"))
			.process(new LogDocument.Process("sshd", 4242L))
			.attributes(Map.of("cart_id", 42, "nested", Map.of("a", List.of(1, 2)), "when", NANOS))
			.logpipe(new LogDocument.Pipeline(1, "app", "native", "json", List.of("year", "zone"), "Dec  1 10:00:00"))
			.build();
		LogDocument emptyGroups = LogDocument.builder()
			.message("")
			.event(new LogDocument.Event("", null, null, "", ""))
			.log(new LogDocument.Log("", null, Map.of()))
			.service(new LogDocument.Service(null, "", null))
			.host(new LogDocument.Host(null))
			.organization(new LogDocument.Organization(""))
			.labels(Map.of())
			.tags(List.of())
			.error(new LogDocument.ErrorInfo(null, null, null))
			.http(new LogDocument.Http("", new LogDocument.Http.Request(null, null),
					new LogDocument.Http.Response(null, new LogDocument.Http.Body(null))))
			.url(new LogDocument.Url(null, null, null, null))
			.userAgent(new LogDocument.UserAgent(null, null, null, new LogDocument.UserAgent.Os(null, null),
					new LogDocument.UserAgent.Device(null)))
			.source(new LogDocument.Source(null, null))
			.trace(new LogDocument.Trace(null))
			.span(new LogDocument.Span(""))
			.process(new LogDocument.Process(null, null))
			.attributes(Map.of())
			.logpipe(new LogDocument.Pipeline(0, null, null, null, List.of(), ""))
			.build();
		LogDocument zeros = LogDocument.builder()
			.timestamp(Instant.EPOCH)
			.http(new LogDocument.Http(null, null, new LogDocument.Http.Response(0, new LogDocument.Http.Body(0L))))
			.source(new LogDocument.Source("", 0))
			.process(new LogDocument.Process("", 0L))
			.logpipe(new LogDocument.Pipeline(-1, "", "", "", null, null))
			.build();
		return List.of(full, emptyGroups, zeros, LogDocument.builder().build());
	}

	RawLogRecord randomRawRecord(SplittableRandom random) {
		return new RawLogRecord(random.nextInt(), text(random), text(random), instant(random),
				random.nextInt(4) == 0 ? null : Category.values()[random.nextInt(Category.values().length)],
				text(random),
				random.nextInt(5) == 0 ? null : new Source(text(random), text(random), text(random), text(random)),
				text(random), fields(random), text(random),
				random.nextInt(3) == 0 ? null : new TraceContext(text(random), text(random)));
	}

	LogDocument randomDocument(SplittableRandom random) {
		return LogDocument.builder()
			.timestamp(instant(random))
			.message(text(random))
			.event(maybe(random,
					() -> new LogDocument.Event(text(random), instant(random), instant(random), text(random),
							text(random))))
			.log(maybe(random, () -> new LogDocument.Log(text(random), text(random), fields(random))))
			.service(maybe(random, () -> new LogDocument.Service(text(random), text(random), text(random))))
			.host(maybe(random, () -> new LogDocument.Host(text(random))))
			.organization(maybe(random, () -> new LogDocument.Organization(text(random))))
			.labels(maybe(random, () -> labels(random)))
			.tags(maybe(random, () -> strings(random)))
			.error(maybe(random, () -> new LogDocument.ErrorInfo(text(random), text(random), text(random))))
			.http(maybe(random, () -> new LogDocument.Http(text(random),
					maybe(random, () -> new LogDocument.Http.Request(text(random), text(random))),
					maybe(random,
							() -> new LogDocument.Http.Response(maybe(random, random::nextInt),
									maybe(random, () -> new LogDocument.Http.Body(maybe(random, random::nextLong))))))))
			.url(maybe(random, () -> new LogDocument.Url(text(random), text(random), text(random), text(random))))
			.userAgent(maybe(random,
					() -> new LogDocument.UserAgent(text(random), text(random), text(random),
							maybe(random, () -> new LogDocument.UserAgent.Os(text(random), text(random))),
							maybe(random, () -> new LogDocument.UserAgent.Device(text(random))))))
			.source(maybe(random, () -> new LogDocument.Source(text(random), maybe(random, random::nextInt))))
			.trace(maybe(random, () -> new LogDocument.Trace(text(random))))
			.span(maybe(random, () -> new LogDocument.Span(text(random))))
			.process(maybe(random, () -> new LogDocument.Process(text(random), maybe(random, random::nextLong))))
			.attributes(fields(random))
			.logpipe(maybe(random,
					() -> new LogDocument.Pipeline(random.nextInt(3) - 1, text(random), text(random), text(random),
							maybe(random, () -> strings(random)), text(random))))
			.build();
	}

	/** {@code null}, empty, or text with control characters, escapes and non-ASCII. */
	private static String text(SplittableRandom random) {
		return switch (random.nextInt(5)) {
			case 0 -> null;
			case 1 -> "";
			default -> wellFormed(Inputs.text(random, 6));
		};
	}

	/**
	 * The text with its unpaired surrogates replaced: Java strings may hold them, UTF-8
	 * cannot, so they cannot survive a round trip whichever serializer writes them.
	 */
	private static String wellFormed(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				out.append(c).append(text.charAt(++i));
			}
			else {
				out.append(Character.isSurrogate(c) ? '?' : c);
			}
		}
		return out.toString();
	}

	private static Instant instant(SplittableRandom random) {
		if (random.nextInt(5) == 0) {
			return null;
		}
		long second = random.nextLong(-62_167_219_200L - 86_400, 253_402_300_799L + 86_400);
		int nanos = switch (random.nextInt(4)) {
			case 0 -> 0;
			case 1 -> random.nextInt(1_000) * 1_000_000;
			case 2 -> random.nextInt(1_000_000) * 1_000;
			default -> random.nextInt(1_000_000_000);
		};
		return Instant.ofEpochSecond(second, nanos);
	}

	/** {@code null}, empty, or a map read from random JSON, as ingest builds them. */
	@SuppressWarnings("unchecked")
	private Map<String, Object> fields(SplittableRandom random) {
		return switch (random.nextInt(4)) {
			case 0 -> null;
			case 1 -> Map.of();
			default -> {
				Map<String, Object> fields = new LinkedHashMap<>();
				int n = random.nextInt(6);
				for (int i = 0; i < n; i++) {
					String value = Inputs.json(random, 3);
					fields.put(wellFormed(Inputs.text(random, 3)),
							this.mapper.readValue(wellFormed(value), Object.class));
				}
				yield fields;
			}
		};
	}

	private static Map<String, String> labels(SplittableRandom random) {
		Map<String, String> labels = new LinkedHashMap<>();
		int n = random.nextInt(4);
		for (int i = 0; i < n; i++) {
			labels.put(wellFormed(Inputs.text(random, 3)), text(random));
		}
		return labels;
	}

	private static List<String> strings(SplittableRandom random) {
		List<String> strings = new ArrayList<>();
		int n = random.nextInt(4);
		for (int i = 0; i < n; i++) {
			strings.add(text(random));
		}
		return strings;
	}

	private static <T> T maybe(SplittableRandom random, java.util.function.Supplier<T> value) {
		return (random.nextInt(4) == 0) ? null : value.get();
	}

}
