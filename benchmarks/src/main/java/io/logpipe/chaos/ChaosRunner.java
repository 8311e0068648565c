package io.logpipe.chaos;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.logpipe.stack.ElasticsearchHttp;

/**
 * Runs the scenarios of issue 12 against the local runtime and writes the chaos report.
 * Each scenario gets a steady load of its own (its events carry a service name of this
 * run and scenario, so they land in a data stream of their own), injects its fault, ends
 * it, stops the load once every request was acknowledged, and counts what Elasticsearch
 * holds against what ingest-api acknowledged.
 *
 * <p>
 * A scenario passes when nothing acknowledged is missing, nothing is stored twice or
 * without an acknowledgement, every request was acknowledged in the end, no attempt
 * waited longer than the answer bound, the pipeline caught up within the mode's catch-up
 * time, and the scenario's own check held.
 *
 * <p>
 * Usage: {@code ChaosRunner --state-dir dir --project-root dir [--mode quick|full]
 * [--only 1,4] [--answer-bound 15s]}. The API key is {@code LOGPIPE_DEV_API_KEY} or the
 * state folder's {@code dev-api-key}. Exits 1 when a scenario failed.
 */
public final class ChaosRunner {

	private static final URI INGEST = URI.create("http://127.0.0.1:8080");

	private static final URI INDEXER = URI.create("http://127.0.0.1:8082");

	private static final URI ELASTICSEARCH = URI.create("http://127.0.0.1:9200");

	private final ChaosMode mode;

	private final LocalStack stack;

	private final ElasticsearchHttp elasticsearch = new ElasticsearchHttp(ELASTICSEARCH);

	private final Readiness readiness = new Readiness();

	private final String apiKey;

	private final Duration answerBound;

	private final String run;

	private ChaosRunner(ChaosMode mode, LocalStack stack, String apiKey, Duration answerBound) {
		this.mode = mode;
		this.stack = stack;
		this.apiKey = apiKey;
		this.answerBound = answerBound;
		this.run = DateTimeFormatter.ofPattern("MMddHHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = options(args);
		Path stateDir = Path.of(required(options, "--state-dir"));
		Path projectRoot = Path.of(required(options, "--project-root"));
		ChaosMode mode = ChaosMode.named(options.getOrDefault("--mode", "full"));
		Duration answerBound = Duration.parse("PT" + options.getOrDefault("--answer-bound", "15s"));
		Set<Integer> only = Stream.of(options.getOrDefault("--only", "").split(","))
			.filter((number) -> !number.isBlank())
			.map((number) -> Integer.valueOf(number.trim()))
			.collect(Collectors.toSet());
		LocalStack stack = new LocalStack(stateDir, projectRoot, stateDir.resolve("chaos-logs/up.log"));
		ChaosRunner runner = new ChaosRunner(mode, stack, apiKey(stateDir), answerBound);
		List<Scenario> scenarios = Scenarios.all(INDEXER)
			.stream()
			.filter((scenario) -> only.isEmpty() || only.contains(scenario.number()))
			.toList();
		ChaosReport report = runner.run(scenarios, stateDir);
		System.exit(report.passed() ? 0 : 1);
	}

	/**
	 * Runs the scenarios in order; the report is written after each, so a run cut short
	 * still shows what it found.
	 */
	private ChaosReport run(List<Scenario> scenarios, Path reportDir) throws Exception {
		Map<String, Object> header = new LinkedHashMap<>();
		header.put("mode", this.mode.name());
		header.put("run", this.run);
		header.put("started", Instant.now().toString());
		header.put("answer_bound_ms", this.answerBound.toMillis());
		List<ScenarioResult> results = new ArrayList<>();
		for (Scenario scenario : scenarios) {
			log("scenario " + scenario.number() + " (" + scenario.key() + "): " + scenario.title());
			ScenarioResult result;
			try {
				result = run(scenario);
			}
			catch (IOException | RuntimeException ex) {
				result = new ScenarioResult(scenario.number() + "-" + scenario.key(), scenario.title(), 0, 0, 0, null,
						0, 0, Map.of(), List.of(), List.of("the scenario could not run: " + ex));
			}
			log("  acked " + result.acked() + ", lost " + result.lost() + ", duplicated " + result.duplicated()
					+ ", recovery_s " + result.recoverySeconds() + ", max_answer_ms " + result.maxAnswerMillis() + ": "
					+ (result.passed() ? "pass" : "FAIL " + result.failures()));
			results.add(result);
			new ChaosReport(header, results).write(reportDir);
		}
		header.put("finished", Instant.now().toString());
		ChaosReport report = new ChaosReport(header, results);
		report.write(reportDir);
		return report;
	}

	private ScenarioResult run(Scenario scenario) throws Exception {
		// Lower-case [a-z0-9_] only: the data stream is then named after it as is.
		String service = "chaos_" + this.run + "_" + scenario.number();
		FaultContext context = new FaultContext(this.stack, this.elasticsearch, this.readiness, this.mode);
		StoredEvents stored = new StoredEvents(this.elasticsearch, service);
		this.stack.up();
		try (SteadyLoad load = new SteadyLoad(INGEST, this.apiKey, service, this.mode,
				this.answerBound.multipliedBy(3))) {
			load.start();
			Thread.sleep(this.mode.warmUp());
			if (awaitStored(stored, 1)) {
				try {
					scenario.fault().inject(context);
				}
				catch (Exception ex) {
					context.fail("the fault could not be injected or ended: " + ex);
				}
			}
			else {
				context.fail("no event reached Elasticsearch before the fault: not injected");
			}
			if (context.endedAt() == null) {
				context.ended();
			}
			RecoveryWatch recovery = RecoveryWatch.start(stored, load.acknowledgements(), context.endedAt());
			Thread.sleep(this.mode.tail());
			try {
				this.stack.up();
			}
			catch (IllegalStateException ex) {
				context.fail("the stack did not come back: " + ex.getMessage());
			}
			load.stop(this.mode.catchUp());
			Acknowledgements acknowledgements = load.acknowledgements();
			awaitStored(stored, acknowledgements.acknowledged());
			Double recoverySeconds = recovery.awaitSeconds(this.mode.catchUp());
			StoredEvents.Check check = StoredEvents.check(acknowledgements.ids(), stored.copiesById());
			List<String> failures = new ArrayList<>(context.failures());
			judge(check, acknowledgements, recoverySeconds, failures);
			return new ScenarioResult(scenario.number() + "-" + scenario.key(), scenario.title(),
					acknowledgements.acknowledged(), check.lost(), check.duplicated(), recoverySeconds,
					acknowledgements.maxAnswerMillis(), acknowledgements.unacknowledged(), load.answers(),
					context.notes(), failures);
		}
	}

	private void judge(StoredEvents.Check check, Acknowledgements acknowledgements, Double recoverySeconds,
			List<String> failures) {
		if (check.lost() > 0) {
			failures.add(check.lost() + " acknowledged events are not in Elasticsearch");
		}
		if (check.duplicated() > 0) {
			failures.add(check.duplicated() + " documents are extra copies or were never acknowledged");
		}
		if (acknowledgements.acknowledged() == 0) {
			failures.add("nothing was acknowledged");
		}
		if (acknowledgements.unacknowledged() > 0) {
			failures.add(acknowledgements.unacknowledged() + " requests were never acknowledged "
					+ acknowledgements.refusedRequests().values().stream().limit(3).toList());
		}
		if (acknowledgements.partlyRejected() > 0) {
			failures.add(acknowledgements.partlyRejected() + " acknowledgements rejected some of their events");
		}
		if (acknowledgements.maxAnswerMillis() > this.answerBound.toMillis()) {
			failures.add("a request waited " + acknowledgements.maxAnswerMillis() + " ms for its answer, over "
					+ this.answerBound.toMillis() + " ms");
		}
		if (recoverySeconds == null) {
			failures.add("the pipeline did not catch up within " + this.mode.catchUp().toSeconds() + " s");
		}
	}

	/**
	 * Waits, up to the catch-up time, until Elasticsearch holds at least
	 * {@code documents} of the scenario's documents.
	 */
	private boolean awaitStored(StoredEvents stored, long documents) throws InterruptedException {
		long deadline = System.nanoTime() + this.mode.catchUp().toNanos();
		while (System.nanoTime() < deadline) {
			try {
				if (stored.count() >= documents) {
					return true;
				}
			}
			catch (IOException ex) {
				// Elasticsearch is not back yet
			}
			Thread.sleep(1000);
		}
		return false;
	}

	private static String apiKey(Path stateDir) throws IOException {
		String key = System.getenv("LOGPIPE_DEV_API_KEY");
		if (key != null && !key.isBlank()) {
			return key;
		}
		return Files.readString(stateDir.resolve("dev-api-key")).trim();
	}

	private static Map<String, String> options(String[] args) {
		Map<String, String> options = new HashMap<>();
		for (int i = 0; i + 1 < args.length; i += 2) {
			options.put(args[i], args[i + 1]);
		}
		return options;
	}

	private static String required(Map<String, String> options, String name) {
		String value = options.get(name);
		if (value == null) {
			throw new IllegalArgumentException(name + " is required");
		}
		return value;
	}

	private static void log(String message) {
		System.out.println("==> " + message);
	}

}
