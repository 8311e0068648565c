package io.logpipe.ingest.protocol.elasticsearch;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.logpipe.common.event.RawLogRecord;
import io.logpipe.ingest.RawTopics;
import io.logpipe.testsupport.RealKafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A real shipper process: Debian's rsyslog with omelasticsearch in bulk mode
 * ({@code rsyslog-elasticsearch}) tails a file and ships it to ingest, with the key as
 * Basic password. Its lines must land on the raw topic with their fields.
 *
 * <p>
 * {@code .ci/run} installs rsyslog; on a developer machine without it the test is skipped
 * with a message, but under CI (the {@code CI} variable set) a missing rsyslogd fails it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "logpipe.auth.keys[0].sha256=2924a27d7fc715372a952b03583ae5f1221556bcdabbf2a57ff5de577efe11c1",
				"logpipe.auth.keys[0].tenant=rsyslog-tenant", "ingest.kafka.topics.app=rsyslog-it-app",
				"ingest.kafka.topics.system=rsyslog-it-system", "ingest.kafka.topics.security=rsyslog-it-security" })
@RealKafka
class RsyslogIT {

	private static final List<String> RSYSLOGD = List.of("/usr/sbin/rsyslogd", "/sbin/rsyslogd");

	@LocalServerPort
	private int port;

	@Value("${spring.kafka.bootstrap-servers}")
	private String bootstrapServers;

	@TempDir
	private Path directory;

	private Process rsyslog;

	private RawTopics topics;

	@BeforeEach
	void subscribe() {
		this.topics = new RawTopics(this.bootstrapServers, "rsyslog-it-app", "rsyslog-it-system");
	}

	@AfterEach
	void stop() throws InterruptedException {
		this.topics.close();
		if (this.rsyslog != null) {
			this.rsyslog.destroy();
			this.rsyslog.waitFor();
		}
	}

	@Test
	void shipsTailedLinesInBulkModeOntoTheRawTopic() throws IOException {
		String rsyslogd = rsyslogd();
		String run = UUID.randomUUID().toString();
		Path input = this.directory.resolve("app.log");
		Files.writeString(input, "payment declined " + run + "\ncart created " + run + "\n");
		Path errors = this.directory.resolve("errors.json");
		Path work = Files.createDirectories(this.directory.resolve("work"));
		Path config = this.directory.resolve("rsyslog.conf");
		Files.writeString(config,
				"""
						global(workDirectory="%s")
						module(load="imfile")
						module(load="omelasticsearch")
						template(name="doc" type="string"
						         string="{\\"message\\":\\"%%msg:::json%%\\",\\"host\\":\\"%%hostname:::json%%\\",\\"log\\":{\\"file\\":{\\"path\\":\\"%%$!metadata!filename:::json%%\\"}}}")
						ruleset(name="ship") {
						  action(type="omelasticsearch" server="127.0.0.1" serverport="%d" usehttps="off"
						         searchIndex="logs-rsyslog-it" template="doc" bulkmode="on" esVersion.major="8"
						         uid="rsyslog" pwd="app-key" errorfile="%s"
						         queue.type="linkedlist" queue.dequeueBatchSize="100" action.resumeRetryCount="-1")
						}
						input(type="imfile" file="%s" tag="app" addMetadata="on" ruleset="ship")
						"""
					.formatted(work, this.port, errors, input));

		this.rsyslog = new ProcessBuilder(rsyslogd, "-n", "-f", config.toString(), "-i",
				this.directory.resolve("rsyslogd.pid").toString())
			.redirectErrorStream(true)
			.redirectOutput(this.directory.resolve("rsyslogd.out").toFile())
			.start();

		List<RawLogRecord> records;
		try {
			records = this.topics.await((record) -> record.message() != null && record.message().endsWith(run), 2,
					Duration.ofSeconds(120));
		}
		catch (AssertionError ex) {
			throw new AssertionError("rsyslog's lines did not arrive; its output: "
					+ read(this.directory.resolve("rsyslogd.out")) + "; its error file: " + read(errors), ex);
		}
		assertThat(records).extracting(RawLogRecord::message)
			.containsExactlyInAnyOrder("payment declined " + run, "cart created " + run);
		RawLogRecord record = records.getFirst();
		assertThat(record.protocol()).isEqualTo("es-bulk");
		assertThat(record.tenant()).isEqualTo("rsyslog-tenant");
		assertThat(record.source().service()).isEqualTo("rsyslog");
		assertThat(record.source().environment()).isEqualTo("it");
		assertThat(record.source().host()).isNotBlank();
		assertThat(record.fields()).extractingByKey("log").asString().contains(input.toString());
		assertThat(errors).doesNotExist();
	}

	/**
	 * rsyslogd, or a skip (a failure under CI) with the reason when it is not installed.
	 */
	private static String rsyslogd() {
		for (String candidate : RSYSLOGD) {
			if (new File(candidate).canExecute()) {
				return candidate;
			}
		}
		String missing = "rsyslogd is not installed: apt-get install rsyslog-elasticsearch (.ci/run does)";
		if (System.getenv("CI") != null) {
			fail(missing);
		}
		Assumptions.abort(missing + "; skipped outside CI");
		return null;
	}

	private static String read(Path file) {
		try {
			return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "(none)";
		}
		catch (IOException ex) {
			return "(unreadable: " + ex.getMessage() + ")";
		}
	}

}
