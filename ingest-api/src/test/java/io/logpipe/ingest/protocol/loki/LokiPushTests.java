package io.logpipe.ingest.protocol.loki;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.github.loki4j.pkg.google.protobuf.Timestamp;
import com.github.loki4j.pkg.loki.protobuf.Push;
import org.junit.jupiter.api.Test;
import org.xerial.snappy.Snappy;

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

class LokiPushTests {

	private final LokiPush push = new LokiPush(new EventCodec().mapper(), new RequestBodyReader(
			new IngestLimitsProperties(DataSize.ofKilobytes(64), DataSize.ofKilobytes(16), 1000, 100, 10)));

	@Test
	void mapsAJsonPushWithLabelsMetadataAndNanosecondTimes() {
		String json = """
				{"streams":[{"stream":{"service_name":"checkout","job":"shop/checkout","level":"warn","host":"web-1",
				  "env":"prod","region":"eu"},
				  "values":[["1700000000123456789","payment declined",{"trace_id":"5b8efff798038103d269b633813fc60c"}],
				            ["1700000001000000000","second",null]]}]}
				""";

		List<ProtocolItem> items = this.push.read(json.getBytes(StandardCharsets.UTF_8), "application/json", null);

		assertThat(items).hasSize(2);
		ProtocolEvent first = (ProtocolEvent) items.get(0);
		assertThat(first.message()).isEqualTo("payment declined");
		assertThat(first.service()).isEqualTo("checkout");
		assertThat(first.host()).isEqualTo("web-1");
		assertThat(first.environment()).isEqualTo("prod");
		assertThat(first.fields()).containsEntry("@timestamp", "2023-11-14T22:13:20.123456789Z")
			.containsEntry("log.level", "warn")
			.containsEntry("trace_id", "5b8efff798038103d269b633813fc60c")
			.as("the labels not mapped are kept, job too once service_name named the service")
			.containsEntry("labels", Map.of("job", "shop/checkout", "region", "eu"));
		assertThat(((ProtocolEvent) items.get(1)).fields()).containsEntry("@timestamp", "2023-11-14T22:13:21Z")
			.doesNotContainKey("trace_id");
	}

	@Test
	void takesTheServiceFromAppOrJobWhenThereIsNoServiceName() {
		String json = """
				{"streams":[{"stream":{"job":"varlogs","detected_level":"error"},"values":[["1","x"]]},
				            {"stream":{"app":"cart","job":"k8s/cart"},"values":[["1","y"]]}]}
				""";

		List<ProtocolItem> items = this.push.read(json.getBytes(StandardCharsets.UTF_8), "application/json", null);

		assertThat(((ProtocolEvent) items.get(0)).service()).isEqualTo("varlogs");
		assertThat(((ProtocolEvent) items.get(0)).fields()).containsEntry("log.level", "error");
		assertThat(((ProtocolEvent) items.get(1)).service()).isEqualTo("cart");
	}

	@Test
	void readsASnappyProtobufPush() throws IOException {
		byte[] body = Snappy.compress(protobuf().toByteArray());

		List<ProtocolItem> items = this.push.read(body, "application/x-protobuf", null);

		ProtocolEvent event = (ProtocolEvent) items.getFirst();
		assertThat(event.message()).isEqualTo("payment declined");
		assertThat(event.service()).isEqualTo("checkout");
		assertThat(event.fields()).containsEntry("@timestamp", "2023-11-14T22:13:20.000000123Z")
			.containsEntry("span_id", "eee19b7ec3c1b174")
			.containsEntry("labels", Map.of("filename", "/var/log/app.log"));
	}

	@Test
	void readsAProtobufPushWithoutContentTypeAsLokiDoes() throws IOException {
		assertThat(this.push.read(Snappy.compress(protobuf().toByteArray()), null, null)).hasSize(1);
	}

	@Test
	void readsAProtobufBodyWhoseSnappyTheContentEncodingAlreadyUndid() {
		assertThat(this.push.read(protobuf().toByteArray(), "application/x-protobuf", "snappy")).hasSize(1);
	}

	@Test
	void refusesTheFramedSnappyFormatAndATruncatedProtobuf() throws IOException {
		byte[] framed = { (byte) 0xff, 0x06, 0x00, 0x00, 's', 'N', 'a', 'P', 'p', 'Y' };
		assertThatThrownBy(() -> this.push.read(framed, "application/x-protobuf", null))
			.isInstanceOf(ProblemException.class)
			.hasMessageContaining("snappy (block format)");

		byte[] protobuf = protobuf().toByteArray();
		byte[] truncated = Snappy.compress(Arrays.copyOf(protobuf, protobuf.length - 4));
		assertThatThrownBy(() -> this.push.read(truncated, "application/x-protobuf", null))
			.isInstanceOf(ProblemException.class)
			.hasMessageContaining("not a protobuf PushRequest");
	}

	@Test
	void refusesASnappyBlockThatDecodesOverTheBodyLimit() throws IOException {
		byte[] big = Snappy.compress(new byte[128 * 1024]);

		assertThatThrownBy(() -> this.push.read(big, null, null)).isInstanceOfSatisfying(ProblemException.class,
				(ex) -> assertThat(ex.kind()).isEqualTo(ProblemType.BODY_TOO_LARGE));
	}

	@Test
	void refusesJsonThatIsNotAPush() {
		assertThatThrownBy(() -> read("{\"streams\":{}}")).hasMessageContaining("'streams' array");
		assertThatThrownBy(() -> read("{\"streams\":[{\"stream\":{}}]}")).hasMessageContaining("'values' array");
		assertThatThrownBy(() -> read("{\"streams\":[{\"stream\":{},\"values\":[[1700000000,\"x\",{},4]]}]}"))
			.hasMessageContaining("an entry must be");
		assertThatThrownBy(() -> read("{\"streams\":[{\"stream\":{},\"values\":[[\"1.5\",\"x\"]]}]}"))
			.hasMessageContaining("unix nanoseconds");
		assertThatThrownBy(() -> read("{\"streams\":[{\"stream\":{},\"values\":[[\"9999999999999999999\",\"x\"]]}]}"))
			.hasMessageContaining("past the range");
		assertThatThrownBy(() -> read("{\"streams\":[")).hasMessageContaining("not valid JSON");
	}

	private List<ProtocolItem> read(String json) {
		return this.push.read(json.getBytes(StandardCharsets.UTF_8), "application/json; charset=utf-8", null);
	}

	private static Push.PushRequest protobuf() {
		return Push.PushRequest.newBuilder()
			.addStreams(Push.StreamAdapter.newBuilder()
				.setLabels("{service_name=\"checkout\", filename=\"/var/log/app.log\"}")
				.addEntries(Push.EntryAdapter.newBuilder()
					.setTimestamp(Timestamp.newBuilder().setSeconds(1_700_000_000L).setNanos(123))
					.setLine("payment declined")
					.addStructuredMetadata(
							Push.LabelPairAdapter.newBuilder().setName("span_id").setValue("eee19b7ec3c1b174"))))
			.build();
	}

}
