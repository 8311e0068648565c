package io.logpipe.ingest.http;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.logpipe.ingest.event.Rejection;

/**
 * The 202 answer: Kafka acknowledged every accepted event.
 *
 * @param accepted how many events were accepted
 * @param ids the ids of the accepted events, in request order
 * @param rejected the events that were not accepted, with their reasons (left out when
 * none)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record IngestAccepted(int accepted, List<String> ids, List<Rejection> rejected) {
}
