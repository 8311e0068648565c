package io.logpipe.ingest.kafka;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import io.micrometer.core.instrument.Timer;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

import io.logpipe.common.codec.EventCodec;
import io.logpipe.common.event.RawLogRecord;
import io.logpipe.common.event.TraceContext;
import io.logpipe.common.topic.KafkaHeaders;
import io.logpipe.ingest.metrics.IngestMetrics;
import io.logpipe.ingest.problem.ProblemType;
import io.logpipe.service.problem.ProblemException;

/**
 * Publishes raw records and returns only when Kafka acknowledged every one of them
 * ({@code acks=all}, idempotent producer), so that a 2xx answer is a promise the pipeline
 * can keep.
 */
@Component
public class RawRecordPublisher {

	private static final byte[] SCHEMA_VERSION = Integer.toString(RawLogRecord.SCHEMA_VERSION)
		.getBytes(StandardCharsets.UTF_8);

	private static final byte[] JSON = KafkaHeaders.JSON.getBytes(StandardCharsets.UTF_8);

	/** {@code 00-<32 hex>-<16 hex>-<2 hex>}. */
	private static final int TRACEPARENT_LENGTH = 55;

	private final KafkaTemplate<String, byte[]> kafka;

	private final EventCodec codec;

	private final IngestKafkaProperties properties;

	private final IngestMetrics metrics;

	public RawRecordPublisher(KafkaTemplate<String, byte[]> kafka, EventCodec codec, IngestKafkaProperties properties,
			IngestMetrics metrics) {
		this.kafka = kafka;
		this.codec = codec;
		this.properties = properties;
		this.metrics = metrics;
	}

	/**
	 * Sends the records and waits for all acknowledgements. The request's trace context
	 * goes on each record's Kafka headers and, when it parses, into the record itself
	 * (unless the record already carries one), so that the document gets its
	 * {@code trace.id} and {@code span.id}; one that does not parse is dropped.
	 * @param traceparent the request's W3C trace context, or {@code null}
	 * @throws ProblemException with {@link ProblemType#KAFKA_UNAVAILABLE} when Kafka did
	 * not acknowledge all of them within the configured bound
	 */
	public void publish(List<RawLogRecord> records, String traceparent) {
		List<CompletableFuture<SendResult<String, byte[]>>> sends = new ArrayList<>(records.size());
		Timer.Sample sample = this.metrics.startProduce();
		boolean acknowledged = false;
		TraceContext trace = TraceContext.fromTraceparent(traceparent).orElse(null);
		byte[] traceHeader = (trace != null) ? forwardedTraceparent(traceparent) : null;
		// One deadline for the whole request: a send blocks up to max.block.ms while the
		// topic's metadata is unknown (a broker just restarted), so waiting ack-timeout
		// after the sends let a 20-event request take 18 s (chaos scenario 1).
		long deadline = System.nanoTime() + this.properties.ackTimeout().toNanos();
		try {
			for (RawLogRecord record : records) {
				if (System.nanoTime() - deadline >= 0) {
					throw new TimeoutException("the acknowledgement timeout passed while sending");
				}
				RawLogRecord traced = (trace != null && record.trace() == null) ? record.withTrace(trace) : record;
				sends.add(this.kafka.send(toProducerRecord(traced, traceHeader)));
			}
			CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
				.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			acknowledged = true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw unavailable(sends, ex);
		}
		catch (ExecutionException | TimeoutException | RuntimeException ex) {
			throw unavailable(sends, ex);
		}
		finally {
			this.metrics.stopProduce(sample, acknowledged);
		}
	}

	/**
	 * The {@code traceparent} header as it goes on the records, given one that parses:
	 * its first 55 characters, the fields every version shares (W3C Trace Context 4.3).
	 * One that does not parse is not carried at all, as W3C asks it to be ignored, so a
	 * client's text of any length never rides on every record down to the documents.
	 */
	static byte[] forwardedTraceparent(String traceparent) {
		String trimmed = traceparent.trim();
		return trimmed.substring(0, Math.min(trimmed.length(), TRACEPARENT_LENGTH)).getBytes(StandardCharsets.US_ASCII);
	}

	private ProducerRecord<String, byte[]> toProducerRecord(RawLogRecord record, byte[] traceparent) {
		RecordHeaders headers = new RecordHeaders();
		headers.add(KafkaHeaders.SCHEMA_VERSION, SCHEMA_VERSION);
		headers.add(KafkaHeaders.CONTENT_TYPE, JSON);
		if (traceparent != null) {
			headers.add(KafkaHeaders.TRACEPARENT, traceparent);
		}
		return new ProducerRecord<>(this.properties.topics().of(record.category()), null, record.partitionKey(),
				this.codec.encode(record), headers);
	}

	private ProblemException unavailable(List<CompletableFuture<SendResult<String, byte[]>>> sends, Exception cause) {
		long acknowledged = sends.stream().filter((send) -> send.isDone() && !send.isCompletedExceptionally()).count();
		return new ProblemException(ProblemType.KAFKA_UNAVAILABLE, "Kafka acknowledged " + acknowledged
				+ " of the request's events within " + this.properties.ackTimeout().toSeconds()
				+ " s; nothing of this request is confirmed. Retry with the same Idempotency-Key to avoid duplicates.",
				cause)
			.withRetryAfter(this.properties.retryAfter().toSeconds());
	}

}
