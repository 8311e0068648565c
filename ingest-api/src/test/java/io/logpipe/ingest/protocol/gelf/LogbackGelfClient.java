package io.logpipe.ingest.protocol.gelf;

import java.net.Authenticator;
import java.net.PasswordAuthentication;
import java.net.http.HttpClient;
import java.util.List;
import java.util.function.Consumer;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import de.siegmar.logbackgelf.CompressionMethod;
import de.siegmar.logbackgelf.GelfEncoder;
import de.siegmar.logbackgelf.GelfHttpAppender;

import io.logpipe.ingest.protocol.ClientStatus;

/**
 * logback-gelf's HTTP appender, configured as a user would. It sets no
 * {@code Authorization} itself: its JDK {@code HttpClient}, given an
 * {@code Authenticator}, answers ingest's {@code Basic} challenge with the key.
 */
public final class LogbackGelfClient {

	private LogbackGelfClient() {
	}

	/**
	 * Logs through a fresh appender (it sends synchronously) and answers its problems.
	 */
	public static List<String> send(int port, String service, String key, CompressionMethod compression,
			Consumer<Logger> logging) {
		LoggerContext context = ClientStatus.newContext();
		GelfEncoder encoder = new GelfEncoder();
		encoder.setContext(context);
		encoder.setOriginHost("web-1");
		encoder.addStaticField("service", service);
		encoder.setIncludeRootCauseData(true);
		encoder.start();
		GelfHttpAppender appender = new GelfHttpAppender();
		appender.setContext(context);
		appender.setUri("http://127.0.0.1:" + port + GelfController.PATH);
		appender.setCompressionMethod(compression);
		appender.setMaxRetries(1);
		appender.setRetryDelay(100);
		appender.setRequestTimeout(60_000);
		appender.setHttpClient(HttpClient.newBuilder().authenticator(new Authenticator() {
			@Override
			protected PasswordAuthentication getPasswordAuthentication() {
				return new PasswordAuthentication("logpipe", key.toCharArray());
			}
		}).build());
		appender.setEncoder(encoder);
		appender.start();
		Logger logger = context.getLogger("io.example.Cart");
		logger.addAppender(appender);
		logging.accept(logger);
		appender.stop();
		return ClientStatus.problems(context);
	}

}
