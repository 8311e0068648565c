package io.logpipe.ingest.protocol.elasticsearch;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.logpipe.common.codec.EventCodec;
import io.logpipe.ingest.problem.ProblemType;
import io.logpipe.ingest.protocol.ProtocolEvent;
import io.logpipe.ingest.protocol.ProtocolItem;
import io.logpipe.service.problem.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** A bulk body as the shippers write it, and the bodies that must fail as a whole. */
class BulkRequestParserTests {

	private final BulkRequestParser parser = new BulkRequestParser(new EventCodec().mapper());

	@Test
	void readsActionAndSourcePairsWithTheMetadataShippersSend() {
		List<BulkAction> actions = parse(
				"""
						{"create":{"_index":"logs-checkout-prod","_type":"_doc","pipeline":"p","routing":"r"}}
						{"@timestamp":"2026-12-01T10:00:00Z","message":"order placed","log":{"level":"info"},"host":{"name":"web-1"}}

						{"index":{"_id":"abc"}}
						{"message":"from the path index","service":{"name":"cart","environment":"staging"}}""",
				"filebeat-8.19.0");

		assertThat(actions).extracting(BulkAction::action).containsExactly("create", "index");
		assertThat(actions).extracting(BulkAction::index).containsExactly("logs-checkout-prod", "filebeat-8.19.0");
		assertThat(actions).extracting(BulkAction::id).containsExactly(null, "abc");
		ProtocolEvent first = (ProtocolEvent) actions.get(0).item();
		assertThat(first.message()).isEqualTo("order placed");
		assertThat(first.service()).isEqualTo("checkout");
		assertThat(first.environment()).isEqualTo("prod");
		assertThat(first.host()).isEqualTo("web-1");
		assertThat(first.fields()).containsEntry("@timestamp", "2026-12-01T10:00:00Z")
			.containsKey("log")
			.doesNotContainKey("message");
		assertThat(first.idSeed()).isNull();
		ProtocolEvent second = (ProtocolEvent) actions.get(1).item();
		assertThat(second.service()).isEqualTo("cart");
		assertThat(second.environment()).isEqualTo("staging");
		assertThat(second.idSeed()).isEqualTo("filebeat-8.19.0/abc");
	}

	@Test
	void rejectsUpdateDeleteAndBadSourcesItemByItemAndKeepsTheirNeighbours() {
		List<BulkAction> actions = parse("""
				{"delete":{"_index":"x","_id":"1"}}
				{"update":{"_index":"x","_id":"2"}}
				{"doc":{"message":"m"}}
				{"create":{"_index":"x"}}
				{"message": oops}
				{"create":{"_index":"x"}}
				["not","an","object"]
				{"create":{"_index":"x"}}
				{"message":"fine"}
				""", null);

		assertThat(actions).extracting(BulkAction::action)
			.containsExactly("delete", "update", "create", "create", "create");
		assertThat(actions.subList(0, 4))
			.allSatisfy((action) -> assertThat(action.item()).isInstanceOfSatisfying(ProtocolItem.Invalid.class,
					(invalid) -> assertThat(invalid.type()).isEqualTo(ProblemType.INVALID_EVENT)));
		assertThat(((ProtocolItem.Invalid) actions.get(0).item()).detail()).contains("delete action is not supported");
		assertThat(((ProtocolItem.Invalid) actions.get(2).item()).detail()).contains("line 5 is not valid JSON");
		assertThat(actions.get(4).item()).isInstanceOf(ProtocolEvent.class);
	}

	@Test
	void failsAsAWholeWhenAnActionHasNoSourceBecauseTheBodyWasCut() {
		assertMalformed("{\"create\":{\"_index\":\"x\"}}\n{\"message\":\"a\"}\n{\"create\":{\"_index\":\"x\"}}\n",
				"the create action on line 3 has no source line");
	}

	@Test
	void failsAsAWholeWhenTheLastSourceIsCutMidDocument() {
		assertMalformed(
				"{\"create\":{\"_index\":\"x\"}}\n{\"message\":\"a\"}\n{\"create\":{\"_index\":\"x\"}}\n{\"mess",
				"the last line 4 is cut short");
	}

	@Test
	void failsAsAWholeOnActionLinesItCannotRead() {
		assertMalformed("{\"create\":{\"_index\":\"x\"}\n{\"message\":\"a\"}\n", "the action line 1 is not valid JSON");
		assertMalformed("{\"upsert\":{\"_index\":\"x\"}}\n{\"message\":\"a\"}\n", "must be an object with one of");
		assertMalformed("{\"message\":\"a source without its action\"}\n", "must be an object with one of");
		assertMalformed("{\"create\":{}}\n{\"message\":\"a\"}\n", "names no index");
		assertMalformed("\n \n", "the request body is required");
	}

	@Test
	void toleratesCarriageReturnsAndAMissingFinalNewline() {
		List<BulkAction> actions = parse(
				"{\"create\":{}}\r\n{\"message\":\"a\"}\r\n{\"create\":{}}\r\n{\"message\":\"b\"}", "app");

		assertThat(actions).extracting((action) -> ((ProtocolEvent) action.item()).message()).containsExactly("a", "b");
	}

	private List<BulkAction> parse(String body, String pathIndex) {
		return this.parser.parse(body.getBytes(StandardCharsets.UTF_8), pathIndex);
	}

	private void assertMalformed(String body, String detail) {
		assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> parse(body, null))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(ProblemType.MALFORMED_BODY))
			.withMessageContaining(detail);
	}

}
