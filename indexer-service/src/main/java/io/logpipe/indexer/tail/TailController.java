package io.logpipe.indexer.tail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.logpipe.indexer.search.LogFilter;
import io.logpipe.indexer.search.SearchException;
import io.logpipe.indexer.search.SearchProblem;
import io.logpipe.indexer.search.Tenant;

/**
 * {@code GET /api/v1/tail}: the tenant's new documents as Server-Sent Events, from now
 * on, filtered like a search ({@code service}, {@code level}, {@code host},
 * {@code trace_id}; {@code q} as words of the message). Events: {@code ready} once the
 * tail is registered, {@code log} with a document, {@code dropped} with
 * {@code {"dropped": n}} when a slow reader lost n documents.
 *
 * <p>
 * No {@code produces} on the mapping: a refusal (401, 429) must go out as problem
 * details, not be turned into a 406 by the event-stream media type.
 */
@RestController
class TailController {

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
			throw new SearchException(SearchProblem.TAIL_UNAVAILABLE,
					"the live tail is not reading parsed-logs yet (the topic may not exist yet); retry shortly");
		}
		SseEmitter emitter = new SseEmitter(this.properties.maxDuration().toMillis());
		TailSubscriber subscriber = new TailSubscriber(tenant, LogFilter.of(service, level, host, traceId),
				TextFilter.of(query), this.properties.queueCapacity(), new EmitterSink(emitter),
				this.properties.heartbeat());
		this.hub.open(subscriber);
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
