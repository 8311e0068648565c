package io.logpipe.common.event;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LogDocumentTests {

	@Test
	void toBuilderCopiesEveryGroupAndChangesOnlyWhatIsSet() {
		LogDocument document = LogDocument.builder()
			.timestamp(Instant.parse("2026-11-21T10:15:30Z"))
			.message("GET /cart 200")
			.event(new LogDocument.Event("id-1", null, Instant.parse("2026-11-21T10:15:31Z"), "checkout", "raw"))
			.log(new LogDocument.Log("INFO", "web", null))
			.service(new LogDocument.Service("checkout", "prod", "1.0"))
			.host(new LogDocument.Host("web-1"))
			.organization(new LogDocument.Organization("acme"))
			.labels(Map.of("team", "cart"))
			.tags(List.of("x"))
			.error(new LogDocument.ErrorInfo("E", "m", "s"))
			.http(new LogDocument.Http("1.1", null, null))
			.url(new LogDocument.Url("/cart", "/cart", null, null))
			.userAgent(new LogDocument.UserAgent("curl/8.0", null, null, null, null))
			.source(new LogDocument.Source("10.0.0.1", 5050))
			.trace(new LogDocument.Trace("t"))
			.span(new LogDocument.Span("s"))
			.process(new LogDocument.Process("java", 1L))
			.attributes(Map.of("a", 1))
			.logpipe(new LogDocument.Pipeline(1, "app", "native", "json", null, null))
			.build();

		assertThat(document.toBuilder().build()).isEqualTo(document);
		LogDocument redacted = document.toBuilder().message("GET /cart ***").build();
		assertThat(redacted.message()).isEqualTo("GET /cart ***");
		assertThat(redacted).usingRecursiveComparison().ignoringFields("message").isEqualTo(document);
	}

}
