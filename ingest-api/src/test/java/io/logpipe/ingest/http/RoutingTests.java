package io.logpipe.ingest.http;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import io.logpipe.common.event.Category;
import io.logpipe.common.event.RawLogRecord;
import io.logpipe.ingest.kafka.RawRecordPublisher;

import static io.logpipe.ingest.http.LogsRequests.postJson;
import static io.logpipe.ingest.http.LogsRequests.published;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;

/** The configurable routing rules, as the README's example configures them. */
@WebMvcTest(LogsController.class)
@Import(IngestSlice.class)
@TestPropertySource(properties = { "logpipe.auth.keys[0].sha256=" + IngestSlice.APP_ONLY_KEY_SHA256,
		"logpipe.auth.keys[0].tenant=acme", "logpipe.auth.keys[0].categories=app",
		"ingest.routing.rules[0].message-pattern=(?i)authentication fail(ed|ure)",
		"ingest.routing.rules[0].category=security", "ingest.routing.rules[1].service=kernel",
		"ingest.routing.rules[1].category=system", "ingest.routing.rules[2].message-pattern=(x+x+)+y",
		"ingest.routing.rules[2].category=system", "ingest.routing.rules[3].message-pattern=(a|aa)+b",
		"ingest.routing.rules[3].category=system", "spring.mvc.problemdetails.enabled=true" })
class RoutingTests {

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private RawRecordPublisher publisher;

	@Test
	void routesEventsThatNameNoCategoryByServiceAndContentElseToApp() {
		MvcTestResult result = postJson(this.mvc, "app-only-key",
				"[{\"message\":\"Authentication failure for user bob\",\"service\":\"sso\"},"
						+ "{\"message\":\"oom-killer invoked\",\"service\":\"kernel\"},{\"message\":\"order placed\"}]");

		assertThat(result).hasStatus(HttpStatus.ACCEPTED);
		assertThat(published(this.publisher)).extracting(RawLogRecord::category)
			.containsExactly(Category.SECURITY, Category.SYSTEM, Category.APP);
	}

	@Test
	void letsAnEventsOwnCategoryWinOverTheRules() {
		postJson(this.mvc, "app-only-key", "{\"message\":\"authentication failed\",\"category\":\"app\"}");

		assertThat(published(this.publisher).get(0).category()).isEqualTo(Category.APP);
	}

	// A regex does not notice interrupts: only a test on its own thread can fail at the
	// timeout while a runaway match spins, instead of hanging the build.
	@Test
	@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
	void givesUpOnACatastrophicallyBacktrackingPatternWithinItsStepBudget() {
		// (x+x+)+y against 40 x's and no y would try about 2^40 ways without the budget.
		MvcTestResult result = postJson(this.mvc, "app-only-key", "{\"message\":\"" + "x".repeat(40) + "\"}");

		assertThat(result).hasStatus(HttpStatus.ACCEPTED);
		assertThat(published(this.publisher).get(0).category()).isEqualTo(Category.APP);
	}

	@Test
	@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
	void survivesAPatternThatRecursesDeeperThanTheStack() {
		// (a|aa)+b recurses once per repetition: 3,000 a's overflow the stack.
		MvcTestResult result = postJson(this.mvc, "app-only-key", "{\"message\":\"" + "a".repeat(3000) + "\"}");

		assertThat(result).hasStatus(HttpStatus.ACCEPTED);
		assertThat(published(this.publisher).get(0).category()).isEqualTo(Category.APP);
	}

}
