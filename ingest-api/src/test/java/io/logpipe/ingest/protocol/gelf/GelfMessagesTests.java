package io.logpipe.ingest.protocol.gelf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import io.logpipe.common.codec.EventCodec;
import io.logpipe.ingest.body.IngestLimitsProperties;
import io.logpipe.ingest.body.RequestBodyReader;
import io.logpipe.ingest.problem.ProblemType;
import io.logpipe.ingest.protocol.ProtocolEvent;
import io.logpipe.ingest.protocol.ProtocolItem;
import io.logpipe.service.problem.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GelfMessagesTests {

	private static final String MESSAGE = """
			{"version":"1.1","host":"web-1","short_message":"payment declined","full_message":"payment declined\\nat Cart.pay",
			 "timestamp":1700000000.123,"level":3,"facility":"shop","file":"Cart.java","line":42,
			 "_logger_name":"io.example.Cart","_trace_id":"5b8efff798038103d269b633813fc60c","_cart_items":3,
			 "_service":"checkout","_environment":"prod","_id":"reserved"}
			""";

	private final GelfMessages messages = new GelfMessages(new EventCodec().mapper(), new RequestBodyReader(
			new IngestLimitsProperties(DataSize.ofKilobytes(64), DataSize.ofKilobytes(16), 1000, 100, 10)));

	@Test
	void mapsAGelfMessageToTheNamesTheParserReads() {
		ProtocolEvent event = only(this.messages.read(bytes(MESSAGE)));

		assertThat(event.message()).isEqualTo("payment declined");
		assertThat(event.host()).isEqualTo("web-1");
		assertThat(event.service()).isEqualTo("checkout");
		assertThat(event.environment()).isEqualTo("prod");
		assertThat(event.fields()).containsEntry("@timestamp", "2023-11-14T22:13:20.123Z")
			.containsEntry("full_message", "payment declined\nat Cart.pay")
			.containsEntry("log.level", "error")
			.containsEntry("log.syslog",
					Map.of("severity", Map.of("code", 3, "name", "error"), "facility", Map.of("name", "shop")))
			.containsEntry("log.origin.file.name", "Cart.java")
			.containsEntry("log.origin.file.line", 42L)
			.containsEntry("logger_name", "io.example.Cart")
			.containsEntry("trace_id", "5b8efff798038103d269b633813fc60c")
			.containsEntry("cart_items", 3L)
			.doesNotContainKeys("id", "_id", "version", "short_message", "host");
	}

	@Test
	void readsGzipAndZlibBodiesWithoutAContentEncoding() throws IOException {
		assertThat(only(this.messages.read(compressed(MESSAGE, true))).message()).isEqualTo("payment declined");
		assertThat(only(this.messages.read(compressed(MESSAGE, false))).message()).isEqualTo("payment declined");
	}

	@Test
	void readsNewlineDelimitedMessagesOfTheBulkMode() {
		List<ProtocolItem> items = this.messages
			.read(bytes("{\"host\":\"a\",\"short_message\":\"one\"}\n{\"host\":\"a\",\"short_message\":\"two\"}\n"));

		assertThat(items).extracting((item) -> ((ProtocolEvent) item).message()).containsExactly("one", "two");
	}

	@Test
	void rejectsAMessageWithoutShortMessageOrWithATextTimestamp() {
		List<ProtocolItem> items = this.messages.read(bytes("{\"host\":\"a\",\"message\":\"x\"}\n"
				+ "{\"host\":\"a\",\"short_message\":\"x\",\"timestamp\":\"yesterday\"}"));

		assertThat(items).allSatisfy((item) -> assertThat(item).isInstanceOf(ProtocolItem.Invalid.class));
		assertThat(((ProtocolItem.Invalid) items.get(0)).detail()).contains("'short_message'");
		assertThat(((ProtocolItem.Invalid) items.get(1)).detail()).contains("'timestamp'");
	}

	@Test
	void refusesABodyThatIsNotGelfJson() {
		assertThatThrownBy(() -> this.messages.read(bytes("[1]")))
			.isInstanceOfSatisfying(ProblemException.class,
					(ex) -> assertThat(ex.kind()).isEqualTo(ProblemType.MALFORMED_BODY))
			.hasMessageContaining("must be a JSON object");
		assertThatThrownBy(() -> this.messages.read(bytes("{\"short_message\":"))).hasMessageContaining("not valid");
		assertThatThrownBy(() -> this.messages.read(bytes("  "))).hasMessageContaining("no GELF message");
	}

	private static ProtocolEvent only(List<ProtocolItem> items) {
		assertThat(items).hasSize(1);
		return (ProtocolEvent) items.getFirst();
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] compressed(String text, boolean gzip) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (OutputStream out = gzip ? new GZIPOutputStream(bytes) : new DeflaterOutputStream(bytes)) {
			out.write(bytes(text));
		}
		return bytes.toByteArray();
	}

}
