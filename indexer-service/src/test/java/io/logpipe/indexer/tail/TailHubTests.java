package io.logpipe.indexer.tail;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.logpipe.common.codec.EventCodec;
import io.logpipe.indexer.search.LogFilter;
import io.logpipe.indexer.search.SearchProblem;
import io.logpipe.indexer.search.Tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import io.logpipe.service.problem.ProblemException;

class TailHubTests {

	private final TailHub hub = new TailHub(new TailProperties(2, 3, 10, Duration.ofSeconds(15), Duration.ofHours(1)),
			new EventCodec());

	@Test
	void limitsTailsPerTenantAndPerInstance() {
		this.hub.open(tail("acme", null));
		this.hub.open(tail("acme", null));
		assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> this.hub.open(tail("acme", null)))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(SearchProblem.TOO_MANY_TAILS))
			.withMessageContaining("indexer.tail.max-per-tenant");

		TailSubscriber globex = tail("globex", null);
		this.hub.open(globex);
		assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> this.hub.open(tail("initech", null)))
			.withMessageContaining("indexer.tail.max-per-instance");

		this.hub.close(globex);
		this.hub.open(tail("initech", null));
		assertThat(this.hub.openTails()).isEqualTo(3);
	}

	@Test
	void offersADocumentOnlyToTheTailsOfItsOwnTenantWhoseFiltersItPasses() {
		Recorded acmeErrors = new Recorded();
		Recorded acmeAll = new Recorded();
		Recorded globex = new Recorded();
		this.hub.open(acmeErrors.subscribe("acme", "error"));
		this.hub.open(acmeAll.subscribe("acme", null));
		this.hub.open(globex.subscribe("globex", null));

		this.hub.publish("acme/api", bytes("acme", "ERROR"));
		this.hub.publish("acme/api", bytes("acme", "INFO"));
		// A key that claims another tenant does not decide: the document's
		// organization.id does.
		this.hub.publish("globex/api", bytes("acme", "INFO"));
		this.hub.publish(null, "not json".getBytes(StandardCharsets.UTF_8));

		assertThat(acmeErrors.subscriber.queued()).isEqualTo(1);
		assertThat(acmeAll.subscriber.queued()).isEqualTo(3);
		assertThat(globex.subscriber.queued()).isZero();
	}

	private static byte[] bytes(String tenant, String level) {
		return ("{\"message\":\"m\",\"log\":{\"level\":\"" + level + "\"},\"organization\":{\"id\":\"" + tenant
				+ "\"}}")
			.getBytes(StandardCharsets.UTF_8);
	}

	private static TailSubscriber tail(String tenant, String level) {
		return new Recorded().subscribe(tenant, level);
	}

	/** A tail whose sender never runs: what it was offered stays queued. */
	private static final class Recorded {

		TailSubscriber subscriber;

		TailSubscriber subscribe(String tenant, String level) {
			this.subscriber = new TailSubscriber(new Tenant(tenant), LogFilter.of(null, level, null, null),
					TextFilter.of(null), 10, null, Duration.ofSeconds(15));
			return this.subscriber;
		}

	}

}
