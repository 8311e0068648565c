package io.logpipe.parser.process;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import io.logpipe.common.codec.EventCodec;
import io.logpipe.common.event.Category;
import io.logpipe.common.event.RawLogRecord;
import io.logpipe.common.event.Source;
import io.logpipe.testsupport.fuzz.Fuzz;
import io.logpipe.testsupport.fuzz.Inputs;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole parse step (format, timestamps, ECS mapping, rules, redaction, the encoding
 * onto {@code parsed-logs}) on generated records: random messages in random format hints,
 * random envelope fields under the names the parser gives an ECS home, another tenant's
 * {@code organization.id} among them. Every record becomes a document of its own tenant
 * and id, or a failure the listener dead-letters; nothing throws.
 */
class RecordProcessorFuzzTests {

	private static final List<String> HINTS = List.of("json", "logfmt", "syslog", "access", "plain", "haproxy_lite",
			"auto", "nope");

	private static final List<String> FIELDS = List.of("@timestamp", "timestamp", "level", "log.level", "service",
			"host", "host.name", "trace.id", "span_id", "error.stack_trace", "process.pid", "http.request.method",
			"url.original", "user_agent.original", "http.response.status_code", "organization", "organization.id",
			"data_stream.namespace", "message", "log");

	private final RecordProcessor processor = TestEngines.processor(List.of(), new SimpleMeterRegistry());

	private final EventCodec codec = new EventCodec();

	private final JsonMapper mapper = this.codec.mapper();

	@Test
	void turnsAnyRecordIntoADocumentOfItsTenant() {
		Fuzz.of("parse step", this::record).tries(500).budget(Duration.ofSeconds(3)).check((record) -> {
			Outcome outcome = this.processor.process(record);
			assertThat(outcome.document()).isNotNull();
			assertThat(outcome.document().tenant()).isEqualTo("acme");
			assertThat(outcome.document().id()).isEqualTo(record.id());
			assertThat(this.codec.encode(outcome.document())).isNotEmpty();
		});
	}

	private RawLogRecord record(SplittableRandom random) {
		String message = switch (random.nextInt(3)) {
			case 0 -> Inputs.text(random, 30);
			case 1 -> Inputs.json(random, 4);
			default -> new String(Inputs.mutatedText(random, List.of("{\"message\":\"m\",\"level\":\"warn\"}",
					"<13>Dec  1 10:00:00 h app: x", "a=1 b=\"2\" level=error")), StandardCharsets.UTF_8);
		};
		Map<String, Object> fields = new LinkedHashMap<>();
		for (int i = random.nextInt(5); i > 0; i--) {
			fields.put(FIELDS.get(random.nextInt(FIELDS.size())),
					this.mapper.readValue(Inputs.json(random, 3), Object.class));
		}
		String hint = (random.nextBoolean()) ? null : HINTS.get(random.nextInt(HINTS.size()));
		return new RawLogRecord(1, "id-" + random.nextInt(), "acme", TestEngines.RECEIVED, Category.APP, "native",
				new Source(Inputs.text(random, 2), null, null, "127.0.0.1"), message, fields, hint);
	}

}
