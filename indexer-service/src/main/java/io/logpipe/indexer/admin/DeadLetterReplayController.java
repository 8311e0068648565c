package io.logpipe.indexer.admin;

import java.util.Map;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /admin/dead-letters/replay}: sends the dead letters of logs-dlq and
 * index-dlq back to the stage they failed in, once their cause is fixed; all of them, or
 * those of a reason, a stage and a time range ({@link DeadLetterFilter}). With
 * {@code "dry_run": true} it only counts. The admin token is checked before the body is
 * read ({@link AdminToken}).
 */
@RestController
class DeadLetterReplayController {

	private final DeadLetterReplay replay;

	DeadLetterReplayController(DeadLetterReplay replay) {
		this.replay = replay;
	}

	/**
	 * @param body the filter; none, or {@code {}}, replays every dead letter
	 */
	@PostMapping(path = "/admin/dead-letters/replay", produces = "application/json")
	DeadLetterReplay.Summary replay(@RequestBody(required = false) Map<String, Object> body) {
		Map<String, Object> request = (body != null) ? body : Map.of();
		DeadLetterFilter filter = DeadLetterFilter.of(request);
		return this.replay.replay(filter, DeadLetterFilter.dryRun(request));
	}

}
