package io.logpipe.indexer.admin;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.kafka.clients.producer.ProducerRecord;

import org.springframework.stereotype.Component;

/**
 * The dead letters already replayed, as records on
 * {@code indexer.dead-letter-replay.replayed-topic}: key the dead letter's
 * {@link DeadLetter#id()}, value the time of its replay. Written only after Kafka
 * acknowledged the replayed copy, so a mark never stands for a copy that was lost; a copy
 * whose mark was lost is replayed again and answers 409 in Elasticsearch (docs/adr/0020).
 */
@Component
class ReplayedMarks {

	private final TopicSnapshotReader reader;

	private final KafkaSends sends;

	private final DeadLetterReplayProperties properties;

	private final Clock clock;

	ReplayedMarks(TopicSnapshotReader reader, KafkaSends sends, DeadLetterReplayProperties properties, Clock clock) {
		this.reader = reader;
		this.sends = sends;
		this.properties = properties;
		this.clock = clock;
	}

	/** The ids of every dead letter replayed so far. */
	Set<String> load() {
		Set<String> ids = new HashSet<>();
		this.reader.read(List.of(this.properties.replayedTopic()),
				(batch) -> batch.forEach((record) -> ids.add(record.key())));
		return ids;
	}

	void mark(List<DeadLetter> replayed) {
		byte[] now = this.clock.instant().toString().getBytes(StandardCharsets.UTF_8);
		this.sends.sendAll(replayed.stream()
			.map((deadLetter) -> new ProducerRecord<String, byte[]>(this.properties.replayedTopic(), deadLetter.id(),
					now))
			.toList());
	}

}
