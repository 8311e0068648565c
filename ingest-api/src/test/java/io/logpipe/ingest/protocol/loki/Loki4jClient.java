package io.logpipe.ingest.protocol.loki;

import java.util.List;
import java.util.function.Consumer;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import com.github.loki4j.logback.Loki4jAppender;
import com.github.loki4j.logback.PipelineConfigAppenderBase;

import io.logpipe.ingest.protocol.ClientStatus;

/**
 * loki4j's logback appender, configured as a user would (Basic auth with the key as
 * password, a tenant id that ingest ignores, no retries so that a test sees the first
 * answer).
 */
public final class Loki4jClient {

	private Loki4jClient() {
	}

	/**
	 * Logs through a fresh loki4j appender, stops it (which sends), and answers its
	 * problems.
	 */
	public static List<String> push(int port, String service, String key, boolean protobuf, Consumer<Logger> logging) {
		LoggerContext context = ClientStatus.newContext();
		PatternLayout message = new PatternLayout();
		message.setContext(context);
		message.setPattern("%msg");
		message.start();
		PipelineConfigAppenderBase.HttpCfg http = new PipelineConfigAppenderBase.HttpCfg();
		http.setUrl("http://127.0.0.1:" + port + LokiController.PATH);
		PipelineConfigAppenderBase.BasicAuth auth = new PipelineConfigAppenderBase.BasicAuth();
		auth.setUsername("logpipe");
		auth.setPassword(key);
		http.setAuth(auth);
		http.setTenantId("not-the-tenant");
		http.setUseProtobufApi(protobuf);
		http.setMaxRetries(0);
		http.setRequestTimeoutMs(60_000);
		Loki4jAppender appender = new Loki4jAppender();
		appender.setContext(context);
		appender.setHttp(http);
		appender.setMessage(message);
		appender.setLabels("service_name=" + service + "\nregion=eu\nlevel=%level");
		appender.start();
		Logger logger = context.getLogger("io.example.Cart");
		logger.addAppender(appender);
		logging.accept(logger);
		appender.stop();
		return ClientStatus.problems(context);
	}

}
