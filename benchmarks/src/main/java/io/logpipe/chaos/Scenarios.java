package io.logpipe.chaos;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

/**
 * The eight scenarios of issue 12, in its order. Each ends what it did (restart through
 * {@code logpipe up}, SIGCONT, lifting a block) before it returns.
 */
final class Scenarios {

	static final String KAFKA = "kafka";

	static final String ELASTICSEARCH = "elasticsearch";

	static final List<String> SERVICES = List.of("parser-service", "indexer-service", "ingest-api");

	/** The data streams of logs, whose writes scenarios 5 and 8 block. */
	private static final String LOG_STREAMS = "/logs-*/_settings";

	/**
	 * How long the indexer may take to report a frozen Elasticsearch: its stalled-bulk
	 * bound ({@code indexer.bulk-watchdog.stalled-after}, 10 s), one batch's wait before
	 * the bulk is sent, and the poll here.
	 */
	static final Duration STALL_REPORTED_WITHIN = Duration.ofSeconds(20);

	private Scenarios() {
	}

	static List<Scenario> all(URI indexer) {
		return List
			.of(new Scenario(1, "kafka-kill", "kill -9 the Kafka broker, restart it after the pause", (context) -> {
				context.stack().kill(KAFKA);
				FaultContext.hold(context.mode().kafkaDown());
				context.ended();
				context.stack().up();
			}), new Scenario(2, "kafka-freeze", "freeze the Kafka broker (SIGSTOP), then resume it (SIGCONT)",
					(context) -> {
						context.stack().freeze(KAFKA);
						try {
							FaultContext.hold(context.mode().kafkaFrozen());
						}
						finally {
							context.stack().thaw(KAFKA);
						}
						context.ended();
						context.stack().up();
					}), new Scenario(3, "elasticsearch-stop",
							"stop Elasticsearch (SIGTERM), start it again after the pause", (context) -> {
								context.stack().terminate(ELASTICSEARCH, Duration.ofSeconds(60));
								FaultContext.hold(context.mode().elasticsearchDown());
								context.ended();
								context.stack().up();
							}),
					new Scenario(4, "elasticsearch-freeze",
							"freeze Elasticsearch (SIGSTOP): indexer readiness DOWN with the reason, then resume",
							(context) -> freezeElasticsearch(context, indexer)),
					new Scenario(5, "elasticsearch-write-block",
							"a write block on the log data streams (index.blocks.write), then lift it",
							(context) -> block(context, "index.blocks.write")),
					new Scenario(6, "service-kill",
							"kill -9 parser-service mid-stream, indexer-service mid-bulk, ingest-api with requests in flight; restart each",
							(context) -> {
								for (String service : SERVICES) {
									context.stack().kill(service);
									context.stack().up();
									FaultContext.hold(context.mode().betweenServices());
								}
								context.ended();
							}),
					new Scenario(7, "rolling-restart",
							"restart each service with SIGTERM (graceful shutdown), one by one", (context) -> {
								for (String service : SERVICES) {
									context.stack().terminate(service, Duration.ofSeconds(60));
									context.stack().up();
									FaultContext.hold(context.mode().betweenServices());
								}
								context.ended();
							}),
					new Scenario(8, "elasticsearch-disk-full",
							"Elasticsearch's disk full: the flood-stage block it sets itself (index.blocks.read_only_allow_delete), then lifted",
							(context) -> block(context, "index.blocks.read_only_allow_delete")));
	}

	/**
	 * Scenario 4: while Elasticsearch is frozen, the indexer's readiness must turn DOWN
	 * with the reason within {@link #STALL_REPORTED_WITHIN}, not only after the client's
	 * socket timeout.
	 */
	private static void freezeElasticsearch(FaultContext context, URI indexer) throws Exception {
		long frozenAt = System.nanoTime();
		long deadline = frozenAt + context.mode().elasticsearchFrozen().toNanos();
		context.stack().freeze(ELASTICSEARCH);
		String reported = null;
		boolean unanswered = false;
		try {
			while (System.nanoTime() < deadline) {
				if (reported == null) {
					Optional<JsonNode> readiness = context.readiness().of(indexer);
					double seconds = (System.nanoTime() - frozenAt) / 1e9;
					String reason = readiness.map((health) -> health.at("/components/bulkInFlight/details/reason"))
						.filter((node) -> !node.isMissingNode())
						.map(JsonNode::asString)
						.orElse(null);
					if (reason != null) {
						reported = String.format("indexer readiness DOWN %.1f s after the freeze: %s", seconds, reason);
						context.note(reported);
						if (seconds > STALL_REPORTED_WITHIN.toSeconds()) {
							context.fail("the stalled bulk was reported after " + seconds + " s, over "
									+ STALL_REPORTED_WITHIN.toSeconds() + " s");
						}
					}
					else if (readiness.isEmpty() && !unanswered) {
						unanswered = true;
						context.note(String
							.format("indexer readiness gave no answer within 5 s (%.1f s after the freeze)", seconds));
					}
				}
				Thread.sleep(1000);
			}
		}
		finally {
			context.stack().thaw(ELASTICSEARCH);
		}
		if (reported == null) {
			context.fail("the indexer's readiness never reported the stalled bulk during the "
					+ context.mode().elasticsearchFrozen().toSeconds() + " s freeze");
		}
		context.ended();
		context.stack().up();
	}

	/** Scenarios 5 and 8: sets an index block on every log data stream, then lifts it. */
	private static void block(FaultContext context, String setting) throws Exception {
		context.elasticsearch().put(LOG_STREAMS, "{\"" + setting + "\": true}");
		try {
			FaultContext.hold(context.mode().writeBlock());
		}
		finally {
			context.elasticsearch().put(LOG_STREAMS, "{\"" + setting + "\": null}");
		}
		context.ended();
	}

}
