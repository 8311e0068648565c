package io.logpipe.parser.metrics;

import java.time.Instant;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import io.logpipe.common.event.LogDocument;

import static org.assertj.core.api.Assertions.assertThat;

class ParserMetersTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final ParserMeters meters = new ParserMeters(this.registry);

	@Test
	void countsWrittenDocumentsByTenantAndNormalLevelWithoutTheClientsServiceName() {
		this.meters.written(document("checkout", "ERROR"));
		this.meters.written(document("cart", "ERROR"));
		this.meters.written(document("svc-" + Instant.now().toEpochMilli(), "WARN"));

		assertThat(this.registry.get("logpipe.parser.events").meters()).hasSize(2)
			.allSatisfy((meter) -> assertThat(meter.getId().getTags()).extracting(Tag::getKey)
				.containsExactlyInAnyOrder("tenant", "level"));
		assertThat(this.registry.get("logpipe.parser.events").tag("level", "ERROR").counter().count()).isEqualTo(2);
	}

	@Test
	void levelWordsTheNormalizerDidNotKnowShareOneTag() {
		this.meters.written(document("checkout", "LOUD"));
		this.meters.written(document("checkout", "WHISPER-" + Instant.now().toEpochMilli()));
		this.meters.written(document("checkout", null));
		this.meters.written(document("checkout", "FATAL"));

		assertThat(this.registry.get("logpipe.parser.events").meters()).extracting(Meter::getId)
			.extracting((id) -> id.getTag("level"))
			.containsExactlyInAnyOrder("OTHER", "NONE", "FATAL");
		assertThat(this.registry.get("logpipe.parser.events").tag("level", "OTHER").counter().count()).isEqualTo(2);
	}

	private static LogDocument document(String service, String level) {
		return LogDocument.builder()
			.timestamp(Instant.parse("2026-11-21T10:00:00Z"))
			.organization(new LogDocument.Organization("acme"))
			.service(new LogDocument.Service(service, null, null))
			.log((level != null) ? new LogDocument.Log(level, null, null) : null)
			.build();
	}

}
