package io.logpipe.indexer.tail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.logpipe.indexer.search.LogFilter;
import io.logpipe.indexer.search.SearchProblem;
import io.logpipe.indexer.search.Tenant;
import io.logpipe.service.problem.ProblemException;

/**
 * {@code GET /api/v1/tail}: the tenant's new documents as Server-Sent Events, from now
 * on, filtered like a search ({@code service}, {@code level}, {@code host},
 * {@code trace_id}; {@code q} as words of the message). Events: {@code ready} once the
 * tail is registered and its consumer reads from the end it found after that, {@code log}
 * with a document, {@code dropped} with {@code {"dropped": n}} when a slow reader lost n
 * documents.
 *
 * <p>
 * No {@code produces} on the mapping: a refusal (401, 429) must go out as problem
 * details, not be turned into a 406 by the event-stream media type.
 */
@RestController
class TailController {

	/**
	 * Normally one poll of the tail's consumer (200 ms); longer only if Kafka is slow.
	 */
	private static final Duration POSITION_WAIT = Duration.ofSeconds(10);

	private final TailHub hub;

	private final ParsedLogsTail tail;

	private final TailProperties properties;

	TailController(TailHub hub, ParsedLogsTail tail, TailProperties properties) {
		this.hub = hub;
		this.tail = tail;
		this.properties = properties;
	}

	@GetMapping("/api/v1/tail")
	SseEmitter tail(Tenant tenant, @RequestParam(name = "q", required = false) String query,
			@RequestParam(required = false) String service, @RequestParam(required = false) String level,
			@RequestParam(required = false) String host,
			@RequestParam(name = "trace_id", required = false) String traceId) {
		if (!this.tail.isLive()) {
			throw new ProblemException(SearchProblem.TAIL_UNAVAILABLE,
					"the live tail is not reading parsed-logs yet (the topic may not exist yet); retry shortly")
				.withRetryAfter(TailHub.RETRY_AFTER_SECONDS);
		}
		SseEmitter emitter = new SseEmitter(this.properties.maxDuration().toMillis());
		TailSubscriber subscriber = new TailSubscriber(tenant, LogFilter.of(service, level, host, traceId),
				TextFilter.of(query), this.properties.queueCapacity(), new EmitterSink(emitter),
				this.properties.heartbeat());
		this.hub.open(subscriber);
		awaitPositioned(subscriber);
		Runnable close = () -> this.hub.close(subscriber);
		emitter.onCompletion(close);
		emitter.onTimeout(close);
		emitter.onError((ex) -> close.run());
		Thread.ofVirtual().name("tail-" + tenant.id()).start(() -> {
			try {
				emitter.send(SseEmitter.event().name("ready").data("{}"));
				subscriber.run();
			}
			catch (IOException | IllegalStateException ex) {
				// the reader left before the first event
			}
			finally {
				this.hub.close(subscriber);
				emitter.complete();
			}
		});
		return emitter;
	}

	/**
	 * Waits until the tail's consumer reads from the end it found after this tail opened
	 * (it is paused while no tail is open): only then is "ready" true.
	 */
	private void awaitPositioned(TailSubscriber subscriber) {
		try {
			this.tail.awaitPositioned().get(POSITION_WAIT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException | ExecutionException ex) {
			this.hub.close(subscriber);
			throw new ProblemException(SearchProblem.TAIL_UNAVAILABLE,
					"the live tail did not reach the end of parsed-logs within " + POSITION_WAIT.toSeconds()
							+ " s (is Kafka reachable?); retry shortly")
				.withRetryAfter(TailHub.RETRY_AFTER_SECONDS);
		}
		catch (InterruptedException ex) {
			this.hub.close(subscriber);
			Thread.currentThread().interrupt();
			throw new ProblemException(SearchProblem.TAIL_UNAVAILABLE, "interrupted while the live tail started");
		}
	}

	/** Writes a tail's events to its emitter. */
	private record EmitterSink(SseEmitter emitter) implements TailSubscriber.Sink {

		@Override
		public void document(byte[] json) throws IOException {
			this.emitter.send(SseEmitter.event().name("log").data(new String(json, StandardCharsets.UTF_8)));
		}

		@Override
		public void dropped(long count) throws IOException {
			this.emitter.send(SseEmitter.event().name("dropped").data("{\"dropped\":" + count + "}"));
		}

		@Override
		public void heartbeat() throws IOException {
			this.emitter.send(SseEmitter.event().comment("keep-alive"));
		}

	}

}
