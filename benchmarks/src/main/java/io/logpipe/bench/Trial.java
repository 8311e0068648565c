package io.logpipe.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.apache.kafka.common.TopicPartition;

import io.logpipe.common.id.Sha256;
import io.logpipe.testsupport.ServiceProcess;

/**
 * One trial of the benchmark: every stage in sequence on one Kafka broker and one
 * Elasticsearch node. Each service is started from its jar with topics, consumer group
 * and port of this trial alone, so a stage measures that service on data prepared for it;
 * the same processes then form the whole pipeline. {@link BenchmarkRunner} runs the
 * trials and folds them into the report.
 *
 * <p>
 * Stages: ingest-api batched, single and no-op requests; the shipper protocols; the Kafka
 * producer baseline; the consumer baseline; parser-service on JSON then on each line
 * format; indexer-service on the parser's output; the Elasticsearch bulk baseline on the
 * same documents; the whole pipeline at full rate; how its cost grows with services and
 * event size; the time to searchable at half that rate; search and live tail.
 */
final class Trial {

	private static final String TENANT = "bench";

	private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

	private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(10);

	private final BenchMode mode;

	private final Path projectRoot;

	private final Path outputDir;

	private final KafkaBench kafka;

	private final ElasticsearchBench elasticsearch;

	private final URI elasticsearchUri;

	private final String run;

	private final String streams;

	private final String apiKey = UUID.randomUUID().toString();

	private final Report report = new Report();

	private final MeasuredLoad http;

	private final PipelineFeed feed;

	private final List<ServiceProcess> services = new CopyOnWriteArrayList<>();

	private final Map<String, Map<String, String>> startedWith = new LinkedHashMap<>();

	/**
	 * @param run this trial's id: it names the trial's topics, groups, services and data
	 * streams
	 * @param streams names the scaling stage's data streams; the trials of one run share
	 * it, so that each indexes into the same thousand data streams instead of adding a
	 * thousand more to the node
	 */
	Trial(BenchMode mode, String bootstrapServers, URI elasticsearch, Path projectRoot, Path outputDir, String run,
			String streams) {
		this.mode = mode;
		this.projectRoot = projectRoot;
		this.outputDir = outputDir;
		this.run = run;
		this.streams = streams;
		this.kafka = new KafkaBench(bootstrapServers);
		this.elasticsearchUri = elasticsearch;
		this.elasticsearch = new ElasticsearchBench(elasticsearch);
		this.http = new MeasuredLoad(new HttpLoad(mode.concurrency()), this.apiKey, this.report);
		this.feed = new PipelineFeed(this.http, this.elasticsearch, DRAIN_TIMEOUT);
	}

	/**
	 * Runs every stage, then compares the services' start-up with and without the AOT
	 * cache.
	 * @return this trial's figures, ratios included
	 */
	Report run(AotCache aot) throws Exception {
		// Ctrl-C or a kill must not leave service processes behind.
		Thread stopServices = new Thread(() -> this.services.forEach(ServiceProcess::destroy));
		Runtime.getRuntime().addShutdownHook(stopServices);
		String rawTopic = "bench-" + this.run + "-raw";
		String parsedTopic = "bench-" + this.run + "-parsed";
		String producerTopic = "bench-" + this.run + "-producer";
		String protocolsTopic = "bench-" + this.run + "-protocols";
		try {
			List<String> topics = new ArrayList<>(List.of(rawTopic, parsedTopic, producerTopic, protocolsTopic));
			Samples.LINE_FORMATS.forEach((format) -> topics.add(formatTopic(format)));
			this.kafka.createTopics(topics.toArray(String[]::new));

			// The shipper protocols' events are routed to a topic of their own, so that
			// the parser's and the consumer's baselines read the native events only.
			ServiceProcess ingest = start("ingest-api",
					Map.of("ingest.kafka.topics.app", rawTopic, "ingest.kafka.topics.system", protocolsTopic,
							"ingest.routing.rules[0].service", protocolsService(), "ingest.routing.rules[0].category",
							"system", "logpipe.auth.keys[0].sha256", Sha256.hex(this.apiKey),
							"logpipe.auth.keys[0].tenant", TENANT, "ingest.benchmark.noop-endpoint", "true"));
			measureIngest(ingest);
			measureProtocols(ingest);
			measureProducerBaseline(rawTopic, producerTopic);

			long rawRecords = this.kafka.endTotal(List.of(rawTopic));
			step("consumer baseline: ConsumerPerformance over " + rawRecords + " raw records");
			this.report.put("consumer_baseline_eps", Report.round(
					this.kafka.consumerPerformance(rawTopic, rawRecords, "bench-" + this.run + "-consumer-baseline")));

			ServiceProcess parser = measureParser(rawTopic, parsedTopic);
			KafkaBench.Contents parsed = this.kafka.readAll(parsedTopic, Long.MAX_VALUE);
			ServiceProcess indexer = measureIndexer(parsedTopic, parsed);
			measureBulkBaseline(parsed.values());
			List<ServiceProcess> pipeline = List.of(ingest, parser, indexer);
			measurePipeline(pipeline);
			this.report.put("scaling",
					new ScalingStage(this.mode, this.http, this.feed, this.elasticsearch, this.streams)
						.measure(pipeline));
			new SearchableLatency(this.mode, this.http, this.elasticsearch, this.report).measure(ingest,
					"benchlat" + this.run, this.report.number("pipeline_eps") / 2);
			measureReadSide(ingest, indexer);

			for (ServiceProcess service : this.services) {
				this.report.putPerService("rss_mb", service.name(), service.peakRssMb());
				this.report.putPerService("startup_ms", service.name(), service.startupMillis());
			}
		}
		finally {
			for (ServiceProcess service : this.services) {
				service.close();
			}
			Runtime.getRuntime().removeShutdownHook(stopServices);
			this.kafka.close();
		}
		measureStartup(aot);
		this.report.computeRatios();
		this.http.reportCpu();
		return this.report;
	}

	private void measureIngest(ServiceProcess ingest) throws Exception {
		String service = "benchjson" + this.run;
		AtomicLong next = new AtomicLong();
		int batch = this.mode.batchSize();
		step("ingest-api: warming up with " + batch + "-event batches for " + this.mode.warmUp().toSeconds() + "s");
		// Bounded in count too: its events are also the parser's input, held by this
		// runner.
		this.http.unmeasured(
				() -> this.http.post(ingest, "/api/v1/logs", Samples.jsonBatch(service, next.getAndAdd(batch), batch)),
				this.mode.warmUp(), this.mode.maxBatchedEvents() / 4 / batch);
		step("ingest-api: " + batch + "-event batches for " + this.mode.batchedDuration().toSeconds() + "s");
		HttpLoad.Result batched = this.http.run("ingest_batched", ingest,
				() -> this.http.post(ingest, "/api/v1/logs", Samples.jsonBatch(service, next.getAndAdd(batch), batch)),
				this.mode.batchedDuration(), this.mode.maxBatchedEvents() / batch, null);
		this.report.put("ingest_batched_eps", Report.round(batched.okPerSecond() * batch));

		step("ingest-api: single-event requests for " + this.mode.singleDuration().toSeconds() + "s");
		HttpLoad.Result single = this.http.run("ingest_single", ingest,
				() -> this.http.post(ingest, "/api/v1/logs", Samples.jsonEvent(service, next.getAndIncrement())),
				this.mode.singleDuration(), Long.MAX_VALUE, null);
		this.report.put("ingest_single_rps", Report.round(single.okPerSecond()));

		step("ingest-api: no-op requests for " + this.mode.singleDuration().toSeconds() + "s");
		HttpLoad.Result noop = this.http.run("noop", ingest,
				() -> this.http.post(ingest, "/api/v1/noop", Samples.jsonEvent(service, next.getAndIncrement())),
				this.mode.singleDuration(), Long.MAX_VALUE, null);
		this.report.put("noop_rps", Report.round(noop.okPerSecond()));
	}

	/**
	 * The batched throughput of the shipper protocols, each with the same events in
	 * batches of the same size as the native stage, to compare with
	 * {@code ingest_batched_eps} of the same run.
	 */
	private void measureProtocols(ServiceProcess ingest) throws Exception {
		String service = protocolsService();
		AtomicLong next = new AtomicLong();
		int batch = this.mode.batchSize();
		long maxRequests = this.mode.maxBatchedEvents() / batch;
		Map<String, Supplier<HttpRequest>> protocols = new LinkedHashMap<>();
		protocols.put("otlp", () -> this.http.post(ingest, "/v1/logs", "application/x-protobuf",
				Samples.otlpBatch(service, next.getAndAdd(batch), batch)));
		protocols.put("loki", () -> this.http.post(ingest, "/loki/api/v1/push", "application/x-protobuf",
				Samples.lokiBatch(service, next.getAndAdd(batch), batch)));
		protocols.put("esbulk", () -> this.http.post(ingest, "/_bulk", "application/x-ndjson",
				Samples.bulkBatch(service, next.getAndAdd(batch), batch)));
		for (Map.Entry<String, Supplier<HttpRequest>> protocol : protocols.entrySet()) {
			step(protocol.getKey() + ": warming up, then " + batch + "-event batches for "
					+ this.mode.batchedDuration().toSeconds() + "s");
			this.http.unmeasured(protocol.getValue(), this.mode.warmUp().dividedBy(4), maxRequests / 4);
			HttpLoad.Result result = this.http.run(protocol.getKey() + "_batched", ingest, protocol.getValue(),
					this.mode.batchedDuration(), maxRequests, null);
			this.report.put(protocol.getKey() + "_batched_eps", Report.round(result.okPerSecond() * batch));
		}
	}

	private String protocolsService() {
		return "benchprotocols" + this.run;
	}

	private void measureProducerBaseline(String rawTopic, String producerTopic) throws Exception {
		List<byte[]> sample = this.kafka.readAll(rawTopic, 1000).values();
		int recordSize = (int) Math.round(sample.stream().mapToInt((value) -> value.length).average().orElse(500));
		step("producer baseline: ProducerPerformance, " + this.mode.producerRecords() + " records of " + recordSize
				+ " bytes, acks=all");
		this.report.put("raw_record_bytes", recordSize);
		this.report.put("producer_baseline_eps",
				Report.round(this.kafka.producerPerformance(producerTopic, this.mode.producerRecords(), recordSize)));
	}

	private ServiceProcess measureParser(String rawTopic, String parsedTopic) throws Exception {
		String group = "bench-" + this.run + "-parser";
		List<String> raw = List.of(rawTopic);
		ServiceProcess parser = start("parser-service",
				Map.of("parser.kafka.raw-topics",
						rawTopic + ","
								+ String.join(",", Samples.LINE_FORMATS.stream().map(this::formatTopic).toList()),
						"parser.kafka.parsed-topic", parsedTopic, "parser.kafka.dead-letter-topic",
						"bench-" + this.run + "-parse-dlq", "spring.kafka.consumer.group-id", group));
		step("parser-service: draining " + this.kafka.endTotal(raw) + " JSON-line records");
		KafkaBench.Drain json = drainFrom(group, this.kafka.plainEnds(raw), 1);
		this.report.put("parser_json_eps", Report.round(json.perSecond()));

		// One topic per line format, filled while the parser runs and timed until it
		// drained.
		for (String format : Samples.LINE_FORMATS) {
			double perSecond = measureLineFormat(group, formatTopic(format), format);
			this.report.putPerService("parser_format_eps", format, Report.round(perSecond));
			if (format.equals("access")) {
				this.report.put("parser_pattern_eps", Report.round(perSecond));
			}
		}
		return parser;
	}

	private double measureLineFormat(String group, String topic, String format) throws Exception {
		long records = format.equals("access") ? this.mode.patternRecords() : this.mode.patternRecords() / 5;
		step("parser-service: " + records + " " + format + " records");
		String service = "bench" + format + this.run;
		long producing = System.nanoTime();
		this.kafka.produce(topic, records, (n) -> Samples.lineRecord(TENANT, service, n, format));
		KafkaBench.Drain drained = drainFrom(group, this.kafka.plainEnds(List.of(topic)), 0);
		if (drained.records() < records / 10) {
			// The parser kept up with the producer: only the whole window says anything.
			drained = new KafkaBench.Drain(records, (System.nanoTime() - producing) / 1e9);
		}
		return drained.perSecond();
	}

	private String formatTopic(String format) {
		return "bench-" + this.run + "-format-" + format;
	}

	private ServiceProcess measureIndexer(String parsedTopic, KafkaBench.Contents parsed) throws Exception {
		String group = "bench-" + this.run + "-indexer";
		// A thousand services of the bench tenant in the scaling stage: above the
		// bound that would send them to the tenant's overflow stream instead.
		ServiceProcess indexer = start("indexer-service",
				Map.of("indexer.parsed-topic", parsedTopic, "indexer.dead-letter-topic",
						"bench-" + this.run + "-index-dlq", "spring.kafka.consumer.group-id", group,
						"spring.elasticsearch.uris", this.elasticsearchUri.toString(), "logpipe.auth.keys[0].sha256",
						Sha256.hex(this.apiKey), "logpipe.auth.keys[0].tenant", TENANT,
						"indexer.tenants.max-services-per-tenant", "100000"));
		step("indexer-service: draining " + parsed.values().size() + " parsed documents");
		this.report.put("indexer_dps", Report.round(drainFrom(group, parsed.ends(), 1).perSecond()));
		return indexer;
	}

	private void measureBulkBaseline(List<byte[]> documents) throws Exception {
		String dataStream = "logs-benchbaseline-" + this.run;
		step("Elasticsearch bulk baseline: " + documents.size() + " documents, " + this.mode.bulkClients()
				+ " clients, into " + dataStream);
		this.report.put("es_bulk_baseline_dps",
				Report.round(this.elasticsearch.bulkLoad(dataStream, documents, this.mode.bulkClients())));
	}

	private void measurePipeline(List<ServiceProcess> pipeline) throws Exception {
		ServiceProcess ingest = pipeline.getFirst();
		String service = "benchpipe" + this.run;
		int batch = this.mode.batchSize();
		AtomicLong next = new AtomicLong();
		step("pipeline: HTTP to searchable at full rate for " + this.mode.pipelineDuration().toSeconds() + "s");
		PipelineFeed.Result result = this.feed.atFullRate("pipeline", pipeline, "logs-" + service + "-*",
				() -> this.http.post(ingest, "/api/v1/logs", Samples.jsonBatch(service, next.getAndAdd(batch), batch)),
				batch, this.mode.pipelineDuration(), this.mode.maxPipelineEvents());
		this.report.put("pipeline_eps", Report.round(result.eventsPerSecond()));
		result.cpuPerMillion()
			.forEach((name, seconds) -> this.report.putPerService("cpu_s_per_million", name, seconds));
	}

	/**
	 * Start-up to readiness of each service, from its jar as today
	 * ({@code startup_ms_cold}) and extracted with its AOT cache ({@code startup_ms_aot},
	 * on JDK 25 and later), one after the other on the same idle servers and with the
	 * configuration the trial ran it with.
	 */
	private void measureStartup(AotCache aot) throws Exception {
		Path logs = this.outputDir.resolve("bench-logs");
		for (Map.Entry<String, Map<String, String>> service : this.startedWith.entrySet()) {
			String name = service.getKey();
			step("start-up: " + name + " from its jar");
			this.report.putPerService("startup_ms_cold", name, startOnce(name, service.getValue(), logs.resolve("cold"),
					ServiceProcess.jar(this.projectRoot, name), List.of()));
			if (!AotCache.supported()) {
				step("start-up: no AOT cache before JDK " + AotCache.MINIMUM_JAVA + " (this is "
						+ Runtime.version().feature() + ")");
				continue;
			}
			step("start-up: " + name + " extracted, with its AOT cache");
			AotCache.Launch launch = aot.launch(name, service.getValue());
			this.report.putPerService("startup_ms_aot", name,
					startOnce(name, service.getValue(), logs.resolve("aot"), launch.jar(), launch.jvmOptions()));
		}
	}

	private long startOnce(String name, Map<String, String> properties, Path logDir, Path jar, List<String> options)
			throws InterruptedException {
		try (ServiceProcess service = ServiceProcess.start(this.projectRoot, logDir, name, properties, jar, options)) {
			this.services.add(service);
			service.awaitReady(READY_TIMEOUT);
			return service.startupMillis();
		}
	}

	/**
	 * The search API (a 15-minute range, a one-word query that matches the run's
	 * documents, newest 100) and the live tail (POST to arrival on an open tail).
	 */
	private void measureReadSide(ServiceProcess ingest, ServiceProcess indexer) throws Exception {
		ReadBench read = new ReadBench(this.apiKey);
		step("search: consecutive searches for 'placed' over 15 minutes for " + this.mode.latencyDuration().toSeconds()
				+ "s");
		List<Long> searches = read.searchLatencies(indexer, "placed", this.mode.latencyDuration());
		this.report.put("search_p50_ms", Report.percentile(searches, 0.50));
		this.report.put("search_p99_ms", Report.percentile(searches, 0.99));
		this.report.put("search_requests", searches.size());
		int probes = (int) Math.max(20, this.mode.latencyDuration().toSeconds() * 5);
		step("tail: " + probes + " events, one at a time, from POST to an open live tail");
		ReadBench.TailProbes tail = read.tailLatencies(ingest, indexer, "benchtail" + this.run, probes);
		this.report.put("tail_p50_ms", Report.percentile(tail.latencies(), 0.50));
		this.report.put("tail_p99_ms", Report.percentile(tail.latencies(), 0.99));
		this.report.put("tail_probes_late", tail.late());
		this.report.put("tail_probes_missing", tail.missing());
	}

	/**
	 * Waits until {@code group} is drained and returns its rate from now: records already
	 * committed at this point (before or during start-up) do not count.
	 */
	private KafkaBench.Drain drainFrom(String group, Map<TopicPartition, Long> targets, long minimumRecords)
			throws Exception {
		long from = System.nanoTime();
		Set<String> topics = new HashSet<>();
		targets.keySet().forEach((partition) -> topics.add(partition.topic()));
		long committed = this.kafka.committedTotal(group, topics);
		KafkaBench.Drain drain = this.kafka.awaitDrained(group, targets, from, committed, DRAIN_TIMEOUT);
		if (drain.records() <= 0 && minimumRecords > 0) {
			throw new IllegalStateException(group + " drained " + topics + " before it could be timed");
		}
		return drain;
	}

	private ServiceProcess start(String name, Map<String, String> properties) throws InterruptedException {
		Map<String, String> all = new HashMap<>(properties);
		all.put("spring.kafka.bootstrap-servers", this.kafka.bootstrapServers());
		this.startedWith.put(name, all);
		step("starting " + name);
		ServiceProcess service = ServiceProcess.start(this.projectRoot, this.outputDir.resolve("bench-logs"), name,
				all);
		this.services.add(service);
		service.awaitReady(READY_TIMEOUT);
		return service;
	}

	static void step(String what) {
		System.out.println("==> bench: " + what);
	}

}
