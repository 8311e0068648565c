package io.logpipe.indexer.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import io.logpipe.common.topic.DeadLetterHeaders;
import io.logpipe.indexer.IndexerProperties;

/**
 * Sends dead letters back to the stage they failed in: reads parser-service's and the
 * indexer's dead-letter topics as they are at the time of the call, takes the dead
 * letters the {@link DeadLetterFilter} matches, and writes each one's key, value and own
 * headers to its origin topic, where the parser or the indexer reads it again.
 *
 * <p>
 * Nothing is stored twice: a replayed record keeps its event id, so a document that
 * already landed answers 409 to the indexer's {@code create}; and each dead letter
 * replayed is marked ({@link ReplayedMarks}), so a second replay skips it. Origins are
 * limited to the topics the stage reads, so a dead letter cannot send a record anywhere
 * else. Calls are serialized: two at once on one instance would replay the same records
 * before either marked them.
 */
@Component
class DeadLetterReplay {

	static final String ALREADY_REPLAYED = "already-replayed";

	static final String UNKNOWN_STAGE = "unknown-stage";

	static final String UNKNOWN_ORIGIN_TOPIC = "unknown-origin-topic";

	/** Not a dead letter of ours: no stage, origin or time header. */
	static final String NOT_A_DEAD_LETTER = "not-a-dead-letter";

	private static final Logger logger = LoggerFactory.getLogger(DeadLetterReplay.class);

	private final TopicSnapshotReader reader;

	private final ReplayedMarks marks;

	private final KafkaSends sends;

	private final DeadLetterReplayMetrics metrics;

	private final List<String> deadLetterTopics;

	private final Map<String, Set<String>> originsByStage;

	DeadLetterReplay(TopicSnapshotReader reader, ReplayedMarks marks, KafkaSends sends, DeadLetterReplayMetrics metrics,
			DeadLetterReplayProperties properties, IndexerProperties indexer) {
		this.reader = reader;
		this.marks = marks;
		this.sends = sends;
		this.metrics = metrics;
		this.deadLetterTopics = List.of(properties.parseDeadLetterTopic(), indexer.deadLetterTopic());
		this.originsByStage = Map.of(DeadLetterHeaders.STAGE_PARSE, Set.copyOf(properties.rawTopics()),
				DeadLetterHeaders.STAGE_INDEX, Set.of(indexer.parsedTopic(), indexer.metricsTopic()));
	}

	/**
	 * @param matched dead letters the filter took, whether replayed or skipped
	 * @param replayed of those, sent back (or that would be, in a dry run)
	 * @param skippedByReason of those, not sent back, by why ({@value #ALREADY_REPLAYED},
	 * {@value #UNKNOWN_STAGE}, {@value #UNKNOWN_ORIGIN_TOPIC}; each, 0 or not)
	 * @param byStage the replayed by stage ({@code parse}, {@code index}; both, 0 or not)
	 * @param notDeadLetters records of the dead-letter topics without our headers, which
	 * no filter takes
	 * @param dryRun whether nothing was sent
	 */
	record Summary(long matched, long replayed, @JsonProperty("skipped_by_reason") Map<String, Long> skippedByReason,
			@JsonProperty("by_stage") Map<String, Long> byStage, @JsonProperty("not_dead_letters") long notDeadLetters,
			@JsonProperty("dry_run") boolean dryRun) {
	}

	synchronized Summary replay(DeadLetterFilter filter, boolean dryRun) {
		Set<String> replayedBefore = this.marks.load();
		Tally tally = new Tally();
		this.reader.read(this.deadLetterTopics, (batch) -> {
			List<DeadLetter> replay = select(batch, filter, replayedBefore, tally);
			if (!dryRun && !replay.isEmpty()) {
				this.sends.sendAll(replay.stream().map(DeadLetter::toOrigin).toList());
				this.marks.mark(replay);
				replay.forEach((deadLetter) -> this.metrics.replayed(deadLetter.stage(), deadLetter.errorType()));
			}
			// Only the stages of originsByStage get this far: the keys stay those two.
			replay.forEach((deadLetter) -> tally.byStage.merge(deadLetter.stage(), 1L, Long::sum));
		});
		Summary summary = new Summary(tally.matched, tally.byStage.values().stream().mapToLong(Long::longValue).sum(),
				tally.skippedByReason, tally.byStage, tally.notDeadLetters, dryRun);
		logger.info("Dead-letter replay {}{}: {}", filter, dryRun ? " (dry run)" : "", summary);
		return summary;
	}

	private List<DeadLetter> select(List<ConsumerRecord<String, byte[]>> batch, DeadLetterFilter filter,
			Set<String> replayedBefore, Tally tally) {
		List<DeadLetter> replay = new ArrayList<>();
		for (ConsumerRecord<String, byte[]> record : batch) {
			DeadLetter deadLetter = DeadLetter.of(record);
			if (deadLetter == null) {
				tally.notDeadLetters++;
				continue;
			}
			if (!filter.matches(deadLetter)) {
				continue;
			}
			tally.matched++;
			String skipped = skipReason(deadLetter, replayedBefore);
			if (skipped != null) {
				tally.skippedByReason.merge(skipped, 1L, Long::sum);
			}
			else {
				replay.add(deadLetter);
			}
		}
		return replay;
	}

	private String skipReason(DeadLetter deadLetter, Set<String> replayedBefore) {
		if (replayedBefore.contains(deadLetter.id())) {
			return ALREADY_REPLAYED;
		}
		Set<String> origins = this.originsByStage.get(deadLetter.stage());
		if (origins == null) {
			return UNKNOWN_STAGE;
		}
		if (!origins.contains(deadLetter.originTopic())) {
			return UNKNOWN_ORIGIN_TOPIC;
		}
		return null;
	}

	/** Every skip reason and stage is in the answer, 0 or not, so its shape is fixed. */
	private static final class Tally {

		private long matched;

		private long notDeadLetters;

		private final Map<String, Long> skippedByReason = new TreeMap<>(
				Map.of(ALREADY_REPLAYED, 0L, UNKNOWN_STAGE, 0L, UNKNOWN_ORIGIN_TOPIC, 0L));

		private final Map<String, Long> byStage = new TreeMap<>(
				Map.of(DeadLetterHeaders.STAGE_PARSE, 0L, DeadLetterHeaders.STAGE_INDEX, 0L));

	}

}
