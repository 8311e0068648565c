package io.logpipe.ingest.kafka;

import org.springframework.kafka.support.ProducerListener;
import org.springframework.stereotype.Component;

/**
 * Replaces Spring Boot's {@code LoggingProducerListener}, which logs every record Kafka
 * did not take with a stack trace. Those callbacks run on the producer's one network
 * thread: when a broker dies with hundreds of records in flight, that thread spent
 * seconds logging (37,000 log lines in chaos scenario 1) while the acknowledgements of
 * other requests waited behind it, and answers took 23 s instead of the 5 s
 * acknowledgement timeout. A failed send is already the request's 503, and it is counted
 * by {@link RawRecordPublisher}'s produce metrics.
 */
@Component("kafkaProducerListener")
class QuietProducerListener implements ProducerListener<Object, Object> {

}
