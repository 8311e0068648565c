package io.logpipe.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.logpipe.testsupport.ServiceProcess;

/**
 * Everything the benchmark does with Kafka directly: bench topics, pre-filling, consumer
 * group lag, reading parsed documents back, and the Kafka perf tools as baselines. The
 * perf tools run as child JVMs on this JVM's classpath, so their CPU is not the load
 * generator's and their output can be read as the tools print it.
 */
final class KafkaBench implements AutoCloseable {

	static final int PARTITIONS = 3;

	/** The share of a drain's records left out of its rate as the service's warm-up. */
	static final double WARM_UP_SHARE = 0.25;

	private static final Pattern PRODUCER_SUMMARY = Pattern.compile("(\\d+) records sent, ([\\d.]+) records/sec");

	private final String bootstrapServers;

	private final Admin admin;

	KafkaBench(String bootstrapServers) {
		this.bootstrapServers = bootstrapServers;
		this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
	}

	String bootstrapServers() {
		return this.bootstrapServers;
	}

	void createTopics(String... topics) throws ExecutionException, InterruptedException {
		List<NewTopic> newTopics = new ArrayList<>();
		for (String topic : topics) {
			newTopics.add(new NewTopic(topic, PARTITIONS, (short) 1));
		}
		this.admin.createTopics(newTopics).all().get();
	}

	/**
	 * Records from the committed offsets of {@code group} to {@code targets}, the offset
	 * after the last record of each partition.
	 */
	long lag(String group, Map<TopicPartition, Long> targets) throws ExecutionException, InterruptedException {
		Map<TopicPartition, OffsetAndMetadata> committed = committed(group);
		long lag = 0;
		for (Map.Entry<TopicPartition, Long> target : targets.entrySet()) {
			OffsetAndMetadata offset = committed.get(target.getKey());
			lag += Math.max(0, target.getValue() - ((offset != null) ? offset.offset() : 0));
		}
		return lag;
	}

	/**
	 * The end offsets of topics that no transaction writes to: there the end offset is
	 * the offset after the last record. (On a transactional topic a commit marker follows
	 * the last record and a consumer never commits past it: use {@link Contents#ends()}.)
	 */
	Map<TopicPartition, Long> plainEnds(Collection<String> topics) throws ExecutionException, InterruptedException {
		return endOffsets(topics);
	}

	/** Sum of the committed offsets of {@code group} over {@code topics}. */
	long committedTotal(String group, Collection<String> topics) throws ExecutionException, InterruptedException {
		long total = 0;
		for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : committed(group).entrySet()) {
			if (topics.contains(entry.getKey().topic()) && entry.getValue() != null) {
				total += entry.getValue().offset();
			}
		}
		return total;
	}

	long endTotal(Collection<String> topics) throws ExecutionException, InterruptedException {
		return endOffsets(topics).values().stream().mapToLong(Long::longValue).sum();
	}

	/**
	 * Waits until {@code group} has no lag on {@code topics}, then returns the records it
	 * committed per second from {@code fromNanos} (when {@code fromCommitted} records
	 * were committed) to that moment, leaving out the first {@value #WARM_UP_SHARE} of
	 * the records when the rest still make up half: a service started for the stage
	 * compiles its hot code meanwhile, and a long-running one has done so long ago.
	 */
	Drain awaitDrained(String group, Map<TopicPartition, Long> targets, long fromNanos, long fromCommitted,
			Duration timeout) throws ExecutionException, InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		Set<String> topics = new HashSet<>();
		targets.keySet().forEach((partition) -> topics.add(partition.topic()));
		long end = targets.values().stream().mapToLong(Long::longValue).sum();
		long warmUntil = fromCommitted + Math.round((end - fromCommitted) * WARM_UP_SHARE);
		long warmNanos = -1;
		long warmCommitted = 0;
		while (lag(group, targets) > 0) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException(group + " still has lag " + lag(group, targets) + " after " + timeout);
			}
			if (warmNanos < 0) {
				long committed = committedTotal(group, topics);
				if (committed >= warmUntil) {
					warmNanos = System.nanoTime();
					warmCommitted = committed;
				}
			}
			Thread.sleep(100);
		}
		long drainedAt = System.nanoTime();
		long records = committedTotal(group, topics);
		if (warmNanos > 0 && records - warmCommitted >= (records - fromCommitted) / 2) {
			return new Drain(records - warmCommitted, (drainedAt - warmNanos) / 1e9);
		}
		// Drained too fast to leave a warm-up out: the whole window is all there is.
		return new Drain(records - fromCommitted, (drainedAt - fromNanos) / 1e9);
	}

	/** Records a consumer group committed over some seconds. */
	record Drain(long records, double seconds) {

		double perSecond() {
			return this.records / this.seconds;
		}

	}

	/** Writes {@code count} values made by {@code values} to {@code topic}, acks=all. */
	void produce(String topic, long count, LongFunction<byte[]> values) throws InterruptedException {
		Map<String, Object> config = new HashMap<>();
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers);
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
		config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
				new ByteArraySerializer())) {
			for (long i = 0; i < count; i++) {
				producer.send(new ProducerRecord<>(topic, Long.toString(i % 64), values.apply(i)));
			}
			producer.flush();
		}
	}

	/**
	 * Reads the committed values of {@code topic} from the beginning, at most
	 * {@code max}, and where its last record of each partition ends.
	 */
	Contents readAll(String topic, long max) throws ExecutionException, InterruptedException {
		Map<String, Object> config = new HashMap<>();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers);
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
		Map<TopicPartition, Long> endOffsets = endOffsets(List.of(topic));
		List<byte[]> values = new ArrayList<>();
		Map<TopicPartition, Long> recordEnds = new HashMap<>();
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
				new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = new ArrayList<>(endOffsets.keySet());
			partitions.forEach((partition) -> recordEnds.put(partition, 0L));
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
			while (values.size() < max && System.nanoTime() < deadline) {
				for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
					values.add(record.value());
					recordEnds.merge(new TopicPartition(record.topic(), record.partition()), record.offset() + 1,
							Math::max);
				}
				boolean atEnd = true;
				for (TopicPartition partition : partitions) {
					atEnd &= consumer.position(partition) >= endOffsets.get(partition);
				}
				if (atEnd) {
					break;
				}
			}
		}
		return new Contents((values.size() > max) ? values.subList(0, (int) max) : values, recordEnds);
	}

	/** Values read from a topic, and the offset after its last record per partition. */
	record Contents(List<byte[]> values, Map<TopicPartition, Long> ends) {
	}

	/**
	 * {@code ProducerPerformance} with acks=all and the producer settings of ingest-api
	 * (its application.yml: lz4, 256 KB batches, linger 1 ms): records per second.
	 */
	double producerPerformance(String topic, long records, int recordSize) throws IOException, InterruptedException {
		String output = runTool("org.apache.kafka.tools.ProducerPerformance", "--topic", topic, "--num-records",
				Long.toString(records), "--record-size", Integer.toString(recordSize), "--throughput", "-1",
				"--producer-props", "bootstrap.servers=" + this.bootstrapServers, "acks=all", "compression.type=lz4",
				"batch.size=262144", "linger.ms=1");
		Matcher summary = PRODUCER_SUMMARY.matcher(output);
		double perSecond = -1;
		while (summary.find()) {
			perSecond = Double.parseDouble(summary.group(2)); // the last one is the total
		}
		if (perSecond <= 0) {
			throw new IllegalStateException("ProducerPerformance printed no summary:\n" + output);
		}
		return perSecond;
	}

	/**
	 * {@code ConsumerPerformance} over {@code records} of {@code topic}: records per
	 * second of fetching (its {@code fetch.nMsg.sec}, which leaves out joining the group,
	 * as the service measurements leave out start-up).
	 */
	double consumerPerformance(String topic, long records, String group) throws IOException, InterruptedException {
		String output = runTool("org.apache.kafka.tools.ConsumerPerformance", "--bootstrap-server",
				this.bootstrapServers, "--topic", topic, "--messages", Long.toString(records), "--group", group,
				"--timeout", "60000");
		String[] header = null;
		for (String line : output.strip().split("\n")) {
			if (line.contains("fetch.nMsg.sec")) {
				header = line.split(",");
			}
			else if (header != null && !line.isBlank() && Character.isDigit(line.charAt(0))) {
				String[] values = line.split(",");
				for (int column = 0; column < header.length && column < values.length; column++) {
					if (header[column].trim().equals("fetch.nMsg.sec")) {
						return Double.parseDouble(values[column].trim());
					}
				}
			}
		}
		throw new IllegalStateException("ConsumerPerformance printed no fetch.nMsg.sec:\n" + output);
	}

	private String runTool(String mainClass, String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(ServiceProcess.javaExecutable(), "-Xmx512m",
				"--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), mainClass));
		command.addAll(List.of(args));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		byte[] output = process.getInputStream().readAllBytes();
		if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
			throw new IllegalStateException(mainClass + " failed:\n" + new String(output, StandardCharsets.UTF_8));
		}
		return new String(output, StandardCharsets.UTF_8);
	}

	private Map<TopicPartition, Long> endOffsets(Collection<String> topics)
			throws ExecutionException, InterruptedException {
		Map<String, TopicDescription> descriptions = this.admin.describeTopics(topics).allTopicNames().get();
		Map<TopicPartition, OffsetSpec> request = new HashMap<>();
		descriptions.values()
			.forEach((description) -> description.partitions()
				.forEach((partition) -> request.put(new TopicPartition(description.name(), partition.partition()),
						OffsetSpec.latest())));
		Map<TopicPartition, Long> ends = new HashMap<>();
		this.admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
			.all()
			.get()
			.forEach((partition, info) -> ends.put(partition, info.offset()));
		return ends;
	}

	private Map<TopicPartition, OffsetAndMetadata> committed(String group)
			throws ExecutionException, InterruptedException {
		return this.admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
	}

	@Override
	public void close() {
		this.admin.close(Duration.ofSeconds(5));
	}

}
