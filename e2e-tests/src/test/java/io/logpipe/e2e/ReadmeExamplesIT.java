package io.logpipe.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.logpipe.common.id.Sha256;
import io.logpipe.e2e.AnswerShape.Answer;
import io.logpipe.e2e.ReadmeExamples.Example;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs every {@code curl} example of README.md, as written, against the three services
 * started from their jars, and checks that each answers as the README shows and that the
 * events it accepted reached Elasticsearch. The local runtime's fixed ports and its
 * {@code deploy/local/logpipe key} are replaced by the test's; nothing else of an example
 * changes.
 */
class ReadmeExamplesIT {

	/**
	 * The tenant of the local runtime's development key, which the README's answers show.
	 */
	private static final String TENANT = "default";

	/** The keys the README's examples use, as environment variables of the same names. */
	private static final Map<String, String> KEYS = Map.of("KEY", "readme-dev-key", "APP_ONLY_KEY",
			"readme-app-only-key", "LIMITED_KEY", "readme-limited-key");

	/**
	 * The admin token of the README's dead-letter replay, as {@code TOKEN}; the indexer
	 * is started with its hash, as the README tells.
	 */
	private static final String ADMIN_TOKEN = "readme-admin-token";

	private static final Duration SEARCHABLE_WITHIN = Duration.ofSeconds(120);

	private static final HttpClient http = HttpClient.newHttpClient();

	private static final JsonMapper json = JsonMapper.builder().build();

	private static RunningPipeline pipeline;

	@BeforeAll
	static void startPipeline() throws InterruptedException {
		Map<String, String> keys = Map.of(
				// the development key: every category
				"logpipe.auth.keys[0].sha256", Sha256.hex(KEYS.get("KEY")), "logpipe.auth.keys[0].tenant", TENANT,
				// "a key configured with categories: app"
				"logpipe.auth.keys[1].sha256", Sha256.hex(KEYS.get("APP_ONLY_KEY")), "logpipe.auth.keys[1].tenant",
				TENANT, "logpipe.auth.keys[1].categories", "app",
				// "a key configured with rate-limit, here 2 requests per minute"
				"logpipe.auth.keys[2].sha256", Sha256.hex(KEYS.get("LIMITED_KEY")), "logpipe.auth.keys[2].tenant",
				TENANT, "logpipe.auth.keys[2].rate-limit.requests", "2", "logpipe.auth.keys[2].rate-limit.period",
				"1m");
		// The indexer serves the README's search examples with the same keys.
		Map<String, String> indexer = new HashMap<>(keys);
		indexer.put("indexer.admin.token-sha256", Sha256.hex(ADMIN_TOKEN));
		pipeline = new RunningPipeline("readme", keys, indexer);
	}

	@AfterAll
	static void stopPipeline() throws InterruptedException {
		if (pipeline != null) {
			pipeline.close();
		}
	}

	@Test
	void everyCurlExampleAnswersAsShownAndItsEventsLand() throws Exception {
		List<Example> examples = ReadmeExamples
			.of(Files.readString(RunningPipeline.PROJECT_ROOT.resolve("README.md"), StandardCharsets.UTF_8));
		assertThat(examples).as("the README's curl examples").hasSizeGreaterThan(10);
		assertThat(examples).filteredOn((example) -> !example.runs())
			.as("examples that opt out: keep them rare")
			.hasSizeLessThanOrEqualTo(4);

		List<String> acceptedIds = new ArrayList<>();
		for (Example example : examples) {
			if (example.runs()) {
				acceptedIds.addAll(acceptedIds(run(example)));
			}
		}

		assertThat(acceptedIds).as("ids the examples' 202 answers gave").hasSizeGreaterThan(10);
		await("every event the examples sent searchable").atMost(SEARCHABLE_WITHIN)
			.pollInterval(Duration.ofMillis(500))
			.until(() -> search("{\"size\":0,\"query\":" + idsQuery(acceptedIds) + "}").at("/hits/total/value")
				.asInt() == acceptedIds.size());
		// Only the example that sends a message not matching its format hint is
		// dead-lettered.
		JsonNode failures = search("{\"size\":100,\"query\":{\"bool\":{\"filter\":[" + idsQuery(acceptedIds)
				+ ",{\"term\":{\"tags\":\"_logpipe_parse_failure\"}}]}}}")
			.at("/hits/hits");
		assertThat(failures).hasSize(1);
		assertThat(failures.get(0).at("/_source/message").asString()).isEqualTo("this is not json");
	}

	/** Runs an example and checks its answer; a search gets time to see new events. */
	private Answer run(Example example) throws InterruptedException {
		String described = "README.md line " + example.line() + ":\n" + example.script();
		if (example.answer() == null) {
			return Answer.parse(execute(example, described));
		}
		Answer shown = Answer.parse(example.answer());
		if (!example.script().contains("127.0.0.1:9200")) {
			return answeredAsShown(example, described, shown);
		}
		AtomicReference<Answer> answer = new AtomicReference<>();
		await(described).atMost(SEARCHABLE_WITHIN)
			.pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> answer.set(answeredAsShown(example, described, shown)));
		return answer.get();
	}

	private Answer answeredAsShown(Example example, String described, Answer shown) throws InterruptedException {
		String output = execute(example, described);
		Answer actual = Answer.parse(output);
		assertThat(AnswerShape.differences(shown, actual)).as("%s%nanswered:%n%s", described, output).isEmpty();
		return actual;
	}

	private String execute(Example example, String described) throws InterruptedException {
		String script = "set -euo pipefail\n" + example.script()
			.replace("$(deploy/local/logpipe key)", "$KEY")
			.replace("http://127.0.0.1:8080", base(pipeline.ingest().uri("")))
			.replace("http://127.0.0.1:8082", base(pipeline.indexer().uri("")))
			.replace("http://127.0.0.1:9200", base(pipeline.elasticsearch()));
		assertThat(script).as("%s%nuses a port the test does not run", described).doesNotContain("127.0.0.1:8081");
		try {
			Path out = Files.createTempFile("readme-example", ".out");
			ProcessBuilder builder = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true)
				.redirectOutput(out.toFile());
			builder.environment().putAll(KEYS);
			builder.environment().put("TOKEN", ADMIN_TOKEN);
			Process process = builder.start();
			boolean finished = process.waitFor(5, TimeUnit.MINUTES);
			String output = Files.readString(out);
			Files.delete(out);
			if (!finished) {
				process.destroyForcibly();
			}
			assertThat(finished).as("%s%ndid not finish within 5 minutes", described).isTrue();
			assertThat(process.exitValue()).as("%s%nfailed:%n%s", described, output).isZero();
			return output;
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot run " + described, ex);
		}
	}

	private static String base(URI uri) {
		String text = uri.toString();
		return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
	}

	private static List<String> acceptedIds(Answer answer) {
		List<String> ids = new ArrayList<>();
		for (JsonNode value : answer.body()) {
			if (value.has("accepted")) {
				value.get("ids").forEach((id) -> ids.add(id.asString()));
			}
		}
		return ids;
	}

	private static String idsQuery(List<String> ids) {
		return "{\"ids\":{\"values\":" + json.writeValueAsString(ids) + "}}";
	}

	private static JsonNode search(String body) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(base(pipeline.elasticsearch()) + "/logs-*/_search"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return json.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
	}

}
