package io.logpipe.e2e;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.logpipe.common.id.Sha256;
import io.logpipe.testsupport.ServiceProcess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * The search page in a real browser (Debian's headless Chromium), against the three
 * services running from their jars on real Kafka and Elasticsearch: an event sent through
 * ingest-api is found by a search on the page, and a second one appears in the live view
 * without a new search. Another tenant's key finds neither. The screenshot is kept at
 * {@code target/search-page.png}.
 */
class SearchPageBrowserIT {

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final String KEY = "browser-test-key";

	private static final String OTHER_KEY = "browser-other-key";

	private static final HttpClient http = HttpClient.newHttpClient();

	private static final JsonMapper json = JsonMapper.builder().build();

	private static RunningPipeline pipeline;

	private static ServiceProcess ingest;

	private static ServiceProcess indexer;

	private static Path userDataDir;

	@BeforeAll
	static void startPipeline() throws Exception {
		assumeThat(Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM))
			.as("Debian's chromium and chromium-driver (apt-get install chromium chromium-driver; .ci/run does)")
			.isTrue();
		Map<String, String> keys = Map.of("logpipe.auth.keys[0].sha256", Sha256.hex(KEY), "logpipe.auth.keys[0].tenant",
				"browser", "logpipe.auth.keys[1].sha256", Sha256.hex(OTHER_KEY), "logpipe.auth.keys[1].tenant",
				"browserother");
		pipeline = new RunningPipeline("browser", keys, keys);
		ingest = pipeline.ingest();
		indexer = pipeline.indexer();
	}

	@AfterAll
	static void stopPipeline() throws Exception {
		if (pipeline != null) {
			pipeline.close();
		}
	}

	@Test
	void findsAnEventOnThePageAndWatchesTheNextOneArriveLive() throws Exception {
		String marker = "m" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		send("payment declined " + marker, "warn");
		// Until the new data stream's shard has started, Elasticsearch answers 503
		// (no_shard_available), which the search passes on as elasticsearch-unavailable.
		await("the first event searchable").atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofMillis(500))
			.ignoreExceptions()
			.until(() -> total(KEY, marker) == 1);

		WebDriver browser = chromium();
		try {
			browser.get(indexer.uri("/ui/").toString());
			browser.findElement(By.id("key")).sendKeys(KEY);
			browser.findElement(By.cssSelector("#key-form button")).click();
			browser.findElement(By.id("q")).sendKeys(marker);
			browser.findElement(By.cssSelector("#range option[value='1h']")).click();
			browser.findElement(By.id("search")).click();

			await("the event on the page").atMost(Duration.ofSeconds(30))
				.ignoreExceptions()
				.until(() -> rows(browser).stream().anyMatch((row) -> row.contains("payment declined " + marker)));
			WebElement first = browser.findElement(By.cssSelector("#results li"));
			assertThat(first.findElement(By.cssSelector(".level")).getText()).isEqualTo("WARN");
			assertThat(first.findElement(By.cssSelector(".level")).getAttribute("class")).contains("level-WARN");
			first.click();
			assertThat(first.findElement(By.tagName("pre")).getText()).contains("\"organization\"")
				.contains("\"browser\"");
			assertThat(browser.findElement(By.id("summary")).getText()).contains("1 documents");

			browser.findElement(By.id("live")).click();
			await("the live view connected").atMost(Duration.ofSeconds(30))
				.until(() -> "on".equals(browser.findElement(By.id("results")).getAttribute("data-live")));
			send("card expired " + marker, "error");

			await("the second event live on the page").atMost(Duration.ofSeconds(60))
				.ignoreExceptions()
				.until(() -> browser.findElement(By.cssSelector("#results li.new")).getText().contains("card expired"));
			screenshot(browser);
		}
		finally {
			browser.quit();
		}

		assertThat(total(OTHER_KEY, marker)).as("another tenant's key").isZero();
	}

	private static WebDriver chromium() throws IOException {
		userDataDir = Files.createTempDirectory("logpipe-chromium-");
		ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
			.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
					"--disable-background-networking", "--disable-component-update", "--disable-sync",
					"--disable-dev-shm-usage", "--window-size=1280,900", "--user-data-dir=" + userDataDir);
		// The driver is Debian's, given explicitly, so Selenium Manager downloads
		// nothing.
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		return new ChromeDriver(service, options);
	}

	private static List<String> rows(WebDriver browser) {
		return browser.findElements(By.cssSelector("#results li")).stream().map(WebElement::getText).toList();
	}

	private static void screenshot(WebDriver browser) throws IOException {
		File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
		Path target = Path.of("target", "search-page.png");
		Files.createDirectories(target.getParent());
		Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
	}

	private static void send(String message, String level) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(ingest.uri("/api/v1/logs"))
			.header("Authorization", "Bearer " + KEY)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers
				.ofString("{\"message\":\"" + message + "\",\"level\":\"" + level + "\",\"service\":\"shop\"}"))
			.build();
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
	}

	private static long total(String key, String query) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest
			.newBuilder(indexer.uri("/api/v1/search?from=1h&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
			.header("Authorization", "Bearer " + key)
			.build();
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode answer = json.readTree(response.body());
		return answer.get("total").asLong();
	}

}
