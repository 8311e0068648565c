package io.logpipe.bench;

import java.lang.management.ManagementFactory;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.sun.management.OperatingSystemMXBean;

import io.logpipe.testsupport.ServiceProcess;

/**
 * A trial's HTTP load, authenticated with the trial's API key, and beside each measured
 * stage's figure the CPU the generator (this JVM) and the server used meanwhile: when the
 * generator needs as much CPU to send as the server to answer, the figure says as much
 * about the generator as about the server ({@code load_generator_bound}).
 */
final class MeasuredLoad {

	private final HttpLoad load;

	private final String apiKey;

	private final Report report;

	private final OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

	private final Map<String, Object> loadGeneratorCores = new LinkedHashMap<>();

	private final Map<String, Object> ingestCores = new LinkedHashMap<>();

	private final Map<String, Object> generatorBound = new LinkedHashMap<>();

	MeasuredLoad(HttpLoad load, String apiKey, Report report) {
		this.load = load;
		this.apiKey = apiKey;
		this.report = report;
	}

	/**
	 * Load whose figure is not reported: warm-ups, and events a stage only needs sent.
	 */
	HttpLoad.Result unmeasured(Supplier<HttpRequest> requests, Duration duration, long maxRequests)
			throws InterruptedException {
		return this.load.run(requests, duration, maxRequests, null, (answer) -> {
		});
	}

	HttpLoad.Result run(String stage, ServiceProcess server, Supplier<HttpRequest> requests, Duration duration,
			long maxRequests, Duration interval) throws InterruptedException {
		return run(stage, server, requests, duration, maxRequests, interval, (answer) -> {
		});
	}

	/**
	 * Runs the load as {@code stage} and records the CPU of generator and server.
	 * @throws IllegalStateException when no request succeeded
	 */
	HttpLoad.Result run(String stage, ServiceProcess server, Supplier<HttpRequest> requests, Duration duration,
			long maxRequests, Duration interval, Consumer<HttpLoad.Answer> onAccepted) throws InterruptedException {
		long cpuBefore = this.os.getProcessCpuTime();
		double serverBefore = server.cpuSeconds();
		HttpLoad.Result result = this.load.run(requests, duration, maxRequests, interval, onAccepted);
		double cores = (this.os.getProcessCpuTime() - cpuBefore) / 1e9 / result.seconds();
		double serverCores = (server.cpuSeconds() - serverBefore) / result.seconds();
		this.loadGeneratorCores.put(stage, Report.round(cores));
		this.ingestCores.put(stage, Report.round(serverCores));
		this.generatorBound.put(stage, cores >= serverCores);
		if (result.ok() == 0) {
			throw new IllegalStateException(stage + ": no request succeeded (" + result.failed() + " failed)");
		}
		if (result.failed() > 0) {
			this.report.put(stage + "_failed_requests", result.failed());
		}
		return result;
	}

	/** Puts the CPU of every stage run so far into the report. */
	void reportCpu() {
		this.report.put("load_generator_cpu_cores", this.loadGeneratorCores);
		this.report.put("ingest_cpu_cores", this.ingestCores);
		this.report.put("load_generator_bound", this.generatorBound);
	}

	HttpRequest post(ServiceProcess service, String path, String body) {
		return post(service, path, "application/json", body.getBytes(StandardCharsets.UTF_8));
	}

	HttpRequest post(ServiceProcess service, String path, String contentType, byte[] body) {
		return HttpRequest.newBuilder(service.uri(path))
			.header("Authorization", "Bearer " + this.apiKey)
			.header("Content-Type", contentType)
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
	}

}
