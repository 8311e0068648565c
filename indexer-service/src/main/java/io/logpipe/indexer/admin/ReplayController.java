package io.logpipe.indexer.admin;

import java.time.Instant;
import java.util.Map;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.logpipe.service.problem.ProblemException;

/**
 * {@code POST /admin/replay}: re-index a topic from a timestamp, after fixing a mapping
 * or a parser. Documents keep their {@code _id}, so those still in the data stream's
 * current backing index answer 409 and are not written twice (see docs/adr/0002 for the
 * rollover caveat). The admin token is checked before the body is read
 * ({@link AdminToken}).
 */
@RestController
class ReplayController {

	static final String USAGE = "send {\"topic\": \"parsed-logs\", \"from\": \"2026-11-21T10:00:00Z\"}";

	private final ConsumerGroupRewinder rewinder;

	ReplayController(ConsumerGroupRewinder rewinder) {
		this.rewinder = rewinder;
	}

	/**
	 * @param topic the topic to re-read, one the indexer consumes
	 * @param from the first record time to re-read
	 */
	record ReplayRequest(String topic, Instant from) {
	}

	/**
	 * @param topic the topic re-read
	 * @param from the timestamp asked for
	 * @param group the consumer group that was rewound
	 * @param offsets per partition, the offset it restarts from
	 */
	record ReplayResponse(String topic, Instant from, String group, Map<Integer, Long> offsets) {
	}

	@PostMapping(path = "/admin/replay", produces = "application/json")
	ReplayResponse replay(@RequestBody(required = false) ReplayRequest request) {
		if (request == null || request.topic() == null || request.topic().isBlank() || request.from() == null) {
			throw new ProblemException(AdminProblem.INVALID_REPLAY, USAGE);
		}
		ConsumerGroupRewinder.Rewound rewound = this.rewinder.rewind(request.topic(), request.from());
		return new ReplayResponse(request.topic(), request.from(), rewound.group(), rewound.offsets());
	}

}
