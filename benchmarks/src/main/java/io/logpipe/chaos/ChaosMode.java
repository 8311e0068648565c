package io.logpipe.chaos;

import java.time.Duration;
import java.util.Locale;

/**
 * How long and how hard each scenario runs. The full mode holds each fault as long as
 * issue 12 names it; the quick mode shortens every fault (the frozen Elasticsearch still
 * outlasts the indexer's stalled-bulk bound, so that scenario still shows it).
 *
 * @param requestsPerSecond requests the load generator starts per second
 * @param eventsPerRequest events in each request
 * @param warmUp load before the fault, at least until the first events are searchable
 * @param tail load after the fault ended (the component is back or resumed)
 * @param catchUp how long the pipeline is given, after the load stopped, to store every
 * acknowledged event
 * @param kafkaDown how long the killed broker stays down (scenario 1)
 * @param kafkaFrozen how long the broker stays frozen (scenario 2)
 * @param elasticsearchDown how long Elasticsearch stays stopped (scenario 3)
 * @param elasticsearchFrozen how long Elasticsearch stays frozen (scenario 4)
 * @param writeBlock how long the data streams reject writes (scenarios 5 and 8)
 * @param betweenServices pause between two services killed or restarted (scenarios 6, 7)
 */
record ChaosMode(String name, int requestsPerSecond, int eventsPerRequest, Duration warmUp, Duration tail,
		Duration catchUp, Duration kafkaDown, Duration kafkaFrozen, Duration elasticsearchDown,
		Duration elasticsearchFrozen, Duration writeBlock, Duration betweenServices) {

	/** The durations of issue 12; about 20 minutes on a 2-core machine. */
	static final ChaosMode FULL = new ChaosMode("full", 10, 25, Duration.ofSeconds(15), Duration.ofSeconds(15),
			Duration.ofMinutes(5), Duration.ofSeconds(10), Duration.ofSeconds(15), Duration.ofSeconds(60),
			Duration.ofSeconds(45), Duration.ofSeconds(30), Duration.ofSeconds(10));

	/** Shorter faults; about 8 minutes. */
	static final ChaosMode QUICK = new ChaosMode("quick", 8, 20, Duration.ofSeconds(5), Duration.ofSeconds(5),
			Duration.ofMinutes(3), Duration.ofSeconds(5), Duration.ofSeconds(8), Duration.ofSeconds(15),
			Duration.ofSeconds(20), Duration.ofSeconds(10), Duration.ofSeconds(3));

	static ChaosMode named(String name) {
		return switch (name.toLowerCase(Locale.ROOT)) {
			case "quick" -> QUICK;
			case "full" -> FULL;
			default -> throw new IllegalArgumentException("unknown mode '" + name + "' (quick, full)");
		};
	}

}
